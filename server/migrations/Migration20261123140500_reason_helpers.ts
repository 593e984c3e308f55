import { Migration } from '@mikro-orm/migrations';

export class Migration20261123140500_reason_helpers extends Migration {
  override name = 'Migration20261123140500_reason_helpers';

  override up(): void | Promise<void> {
    // One overlap reason as stored: its detail in Danish (what users read) and in English (on request).
    this.addSql(`create or replace function hub_reason(kind text, weight double precision, detail text, detail_en text)
      returns jsonb language sql immutable parallel safe as
      $$ select jsonb_build_object('kind', kind, 'weight', weight, 'detail', detail, 'detail_en', detail_en) $$;`);
    // Words in quotes, comma-separated; null for none.
    this.addSql(`create or replace function hub_quoted(words text[]) returns text language sql immutable parallel safe as
      $$ select string_agg(format('''%s''', w), ', ') from unnest(words) as w $$;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop function if exists hub_reason(text, double precision, text, text);`);
    this.addSql(`drop function if exists hub_quoted(text[]);`);
  }
}
