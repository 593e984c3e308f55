import { Migration } from '@mikro-orm/migrations';

export class Migration20261205130000_activity_text_search extends Migration {
  override name = 'Migration20261205130000_activity_text_search';

  override up(): void | Promise<void> {
    // Parts of Danish compounds ("mødre" in "Bydelsmødre") are found by LIKE '%word%' on this expression, served by trigrams.
    this.addSql(`create extension if not exists pg_trgm;`);
    this.addSql(`create index "activity_text_trgm" on "activity" using gin ((lower(title || ' ' || coalesce(description, ''))) gin_trgm_ops);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "activity_text_trgm";`);
  }
}
