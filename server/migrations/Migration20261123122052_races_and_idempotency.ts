import { Migration } from '@mikro-orm/migrations';

export class Migration20261123122052_races_and_idempotency extends Migration {
  override name = 'Migration20261123122052_races_and_idempotency';

  override up(): void | Promise<void> {
    this.addSql(`alter table "activity" add "idempotency_fingerprint" varchar(64) null;`);

    // Races before this index could leave several active reviews of a pair: the newest stays.
    this.addSql(`update "overlap_review" r set "superseded_at" = now() where r."superseded_at" is null and exists (
      select 1 from "overlap_review" n where n."activity_a_id" = r."activity_a_id" and n."activity_b_id" = r."activity_b_id"
        and n."superseded_at" is null and (n."reviewed_at", n."id") > (r."reviewed_at", r."id"));`);
    this.addSql(`create unique index "overlap_review_active_unique" on "overlap_review" ("activity_a_id", "activity_b_id") where "superseded_at" is null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "activity" drop column "idempotency_fingerprint";`);

    this.addSql(`drop index "overlap_review_active_unique";`);
  }
}
