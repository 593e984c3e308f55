import { Migration } from '@mikro-orm/migrations';

export class Migration20261205071702_live_activity_indexes extends Migration {
  override name = 'Migration20261205071702_live_activity_indexes';

  override up(): void | Promise<void> {
    this.addSql(`create index "activity_live_method_index" on "activity" ("method_id", "id") where not "archived";`);
    this.addSql(`create index "activity_live_plan_index" on "activity" ("plan_id", "id") where not "archived";`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "activity_live_method_index";`);
    this.addSql(`drop index "activity_live_plan_index";`);
  }
}
