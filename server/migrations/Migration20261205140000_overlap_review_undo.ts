import { Migration } from '@mikro-orm/migrations';

export class Migration20261205140000_overlap_review_undo extends Migration {
  override name = 'Migration20261205140000_overlap_review_undo';

  override up(): void | Promise<void> {
    // The decision a review replaced, which comes back when the review is taken back (undoOverlapReviews).
    this.addSql(`alter table "overlap_review" add "supersedes_id" int null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "overlap_review" drop column "supersedes_id";`);
  }
}
