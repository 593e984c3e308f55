import { Migration } from '@mikro-orm/migrations';

export class Migration20261204203358_activity_reference extends Migration {
  override name = 'Migration20261204203358_activity_reference';

  override up(): void | Promise<void> {
    this.addSql(`alter table "activity" add "reference" varchar(100) null;`);
    this.addSql(`alter table "activity" add constraint "activity_plan_reference_unique" unique ("plan_id", "reference");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "activity" drop constraint "activity_plan_reference_unique";`);
    this.addSql(`alter table "activity" drop column "reference";`);
  }
}
