import { Migration } from '@mikro-orm/migrations';

export class Migration20261123125803_content_words extends Migration {
  override name = 'Migration20261123125803_content_words';

  override up(): void | Promise<void> {
    // Filled at the next start: overlap model 2 stores every activity's words with its pairs.
    this.addSql(`alter table "activity" add "content_stems" text[] null, add "method_stems" text[] null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "activity" drop column "content_stems", drop column "method_stems";`);
  }
}
