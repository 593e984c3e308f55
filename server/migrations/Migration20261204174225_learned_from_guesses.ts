import { Migration } from '@mikro-orm/migrations';

export class Migration20261204174225_learned_from_guesses extends Migration {
  override name = 'Migration20261204174225_learned_from_guesses';

  override up(): void | Promise<void> {
    // What a registration without a method teaches under the method inferred for it counts less than a chosen one; filled at the next start: overlap model 6.
    this.addSql(`alter table "activity" add "learned_weight" double precision null;`);
    this.addSql(`update "activity" set "learned_weight" = 1 where "learned_method_id" is not null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "activity" drop column "learned_weight";`);
  }
}
