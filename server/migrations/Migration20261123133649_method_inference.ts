import { Migration } from '@mikro-orm/migrations';

export class Migration20261123133649_method_inference extends Migration {
  override name = 'Migration20261123133649_method_inference';

  override up(): void | Promise<void> {
    this.addSql(`alter table "method" add "keywords" text[] not null default '{}';`);

    this.addSql(`alter table "activity" add "inferred_method_id" int null, add "inferred_confidence" double precision null, add "inferred_words" text[] null;`);
    this.addSql(
      `alter table "activity" add constraint "activity_inferred_method_id_foreign" foreign key ("inferred_method_id") references "method" ("id") on delete set null;`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "activity" drop constraint "activity_inferred_method_id_foreign";`);

    this.addSql(`alter table "activity" drop column "inferred_method_id", drop column "inferred_confidence", drop column "inferred_words";`);

    this.addSql(`alter table "method" drop column "keywords";`);
  }
}
