import { Migration } from '@mikro-orm/migrations';

export class Migration20261204190310_covering_overlap_index extends Migration {
  override name = 'Migration20261204190310_covering_overlap_index';

  override up(): void | Promise<void> {
    this.addSql(`drop index "activity_overlap_score_index";`);
    this.addSql(
      `create index "activity_overlap_score_index" on "activity_overlap" ("score", "activity_a_id", "activity_b_id") include ("common_start", "common_end", "same_plan");`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "activity_overlap_score_index";`);
    this.addSql(`create index "activity_overlap_score_index" on "activity_overlap" ("score", "activity_a_id", "activity_b_id");`);
  }
}
