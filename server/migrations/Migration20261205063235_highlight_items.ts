import { Migration } from '@mikro-orm/migrations';

/** The tables the newsletter's candidates are read from (server/newsletter/highlight.store.ts). */
const HIGHLIGHT_SOURCES = [
  'plan',
  'plan_area',
  'area',
  'activity',
  'activity_area',
  'activity_target_group',
  'target_group',
  'method',
  'experience',
  'indicator',
  'measurement',
  'evaluation',
  'overlap_review',
  'person',
];

export class Migration20261205063235_highlight_items extends Migration {
  override name = 'Migration20261205063235_highlight_items';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "highlight_item" ("id" serial primary key, "kind" varchar(32) not null, "subject_type" varchar(32) not null, "subject_id" int not null, "plan_id" int null, "title" text not null, "summary" text not null, "occurred_at" timestamptz not null, "day" date null, "reach" double precision not null);`,
    );
    this.addSql(`create index "highlight_item_day_index" on "highlight_item" ("kind", "day");`);
    this.addSql(`create index "highlight_item_occurred_index" on "highlight_item" ("occurred_at");`);

    // Every statement that changes what the newsletter's candidates are made of counts one change (a sequence: no lock between writers).
    this.addSql(`create sequence "highlight_change";`);
    this.addSql(`create function "highlight_changed"() returns trigger language plpgsql as $$ begin perform nextval('highlight_change'); return null; end $$;`);
    for (const table of HIGHLIGHT_SOURCES) {
      this.addSql(
        `create trigger "${table}_highlight_change" after insert or update or delete or truncate on "${table}" for each statement execute function "highlight_changed"();`,
      );
    }
  }

  override down(): void | Promise<void> {
    for (const table of HIGHLIGHT_SOURCES) this.addSql(`drop trigger if exists "${table}_highlight_change" on "${table}";`);
    this.addSql(`drop function if exists "highlight_changed"();`);
    this.addSql(`drop sequence if exists "highlight_change";`);
    this.addSql(`drop table if exists "highlight_item" cascade;`);
  }
}
