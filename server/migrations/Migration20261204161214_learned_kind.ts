import { Migration } from '@mikro-orm/migrations';

export class Migration20261204161214_learned_kind extends Migration {
  override name = 'Migration20261204161214_learned_kind';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "method_term" ("method_id" int not null, "term" text not null, "docs" double precision not null default 0, "prior" double precision not null default 0, primary key ("method_id", "term"));`,
    );
    this.addSql(`create index "method_term_term_index" on "method_term" ("term");`);

    this.addSql(`alter table "activity" add "kind_stems" text[] null, add "learned_method_id" int null;`);

    this.addSql(
      `alter table "method_term" add constraint "method_term_method_id_foreign" foreign key ("method_id") references "method" ("id") on delete cascade;`,
    );

    // A stem with its beginnings and endings from four letters: the parts a Danish compound is made of ("fodbold" in
    // "midnatsfodbold", "klub" in "pensionistklub"), found without a dictionary; a token such as "group:7" stays whole. Filled at the next start: overlap model 5.
    this.addSql(`create or replace function hub_stem_parts(stems text[]) returns text[] language sql immutable parallel safe as $$
      select coalesce(array_agg(distinct p), '{}') from unnest(coalesce(stems, '{}')) as s(stem)
      cross join lateral (
        select s.stem union all
        select left(s.stem, n) from generate_series(4, length(s.stem) - 1) n where s.stem not like '%:%' union all
        select right(s.stem, n) from generate_series(4, length(s.stem) - 1) n where s.stem not like '%:%'
      ) as parts(p)
    $$;`);

    // method_term's prior (what the catalogue entry says) and docs (what registrations say) are filled at the next start: overlap model 5.
  }

  override down(): void | Promise<void> {
    this.addSql(`drop function if exists hub_stem_parts(text[]);`);
    this.addSql(`drop table if exists "method_term" cascade;`);

    this.addSql(`alter table "activity" drop column "kind_stems", drop column "learned_method_id";`);
  }
}
