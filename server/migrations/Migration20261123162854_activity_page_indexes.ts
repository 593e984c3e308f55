import { Migration } from '@mikro-orm/migrations';

export class Migration20261123162854_activity_page_indexes extends Migration {
  override name = 'Migration20261123162854_activity_page_indexes';

  override up(): void | Promise<void> {
    this.addSql(`drop index "activity_method_id_index";`);
    this.addSql(`drop index "activity_plan_id_index";`);
    this.addSql(`create index "activity_method_id_id_index" on "activity" ("method_id", "id");`);
    this.addSql(`create index "activity_plan_id_id_index" on "activity" ("plan_id", "id");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "activity_method_id_id_index";`);
    this.addSql(`drop index "activity_plan_id_id_index";`);
    this.addSql(`create index "activity_method_id_index" on "activity" ("method_id");`);
    this.addSql(`create index "activity_plan_id_index" on "activity" ("plan_id");`);
  }
}
