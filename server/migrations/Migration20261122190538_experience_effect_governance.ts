import { Migration } from '@mikro-orm/migrations';

export class Migration20261122190538_experience_effect_governance extends Migration {
  override name = 'Migration20261122190538_experience_effect_governance';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "inquiry_count" ("id" serial primary key, "plan_id" int not null, "channel" text not null, "topic" varchar(200) not null, "period_start" date not null, "period_end" date not null, "count" int not null, "created_at" timestamptz not null);`,
    );
    this.addSql(`create index "inquiry_count_plan_period_index" on "inquiry_count" ("plan_id", "period_start");`);

    this.addSql(
      `create table "meeting" ("id" serial primary key, "steering_group_id" int not null, "date" date not null, "agenda" jsonb not null, "minutes" text null, "decisions" jsonb not null, "created_at" timestamptz not null);`,
    );
    this.addSql(`create index "meeting_steering_group_id_index" on "meeting" ("steering_group_id");`);

    this.addSql(
      `create table "action_item" ("id" serial primary key, "meeting_id" int not null, "description" text not null, "owner_id" int null, "due_date" date not null, "status" text not null default 'OPEN', "completed_at" timestamptz null);`,
    );
    this.addSql(`create index "action_item_meeting_id_index" on "action_item" ("meeting_id");`);
    this.addSql(`create index "action_item_owner_id_index" on "action_item" ("owner_id");`);
    this.addSql(`create index "action_item_open_due_index" on "action_item" ("status", "due_date");`);

    this.addSql(
      `create table "indicator" ("id" serial primary key, "name" varchar(200) not null, "unit" varchar(40) not null, "direction" text not null, "baseline" double precision null, "target" double precision not null, "plan_id" int null, "activity_id" int null, "created_at" timestamptz not null);`,
    );
    this.addSql(`create index "indicator_plan_id_index" on "indicator" ("plan_id");`);
    this.addSql(`create index "indicator_activity_id_index" on "indicator" ("activity_id");`);

    this.addSql(
      `create table "measurement" ("id" serial primary key, "indicator_id" int not null, "period_start" date not null, "period_end" date not null, "value" double precision not null, "note" text null);`,
    );
    this.addSql(`create index "measurement_indicator_period_index" on "measurement" ("indicator_id", "period_start");`);

    this.addSql(
      `create table "experience" ("id" serial primary key, "title" varchar(200) not null, "body" text not null, "outcome" text not null, "recommendation" text null, "activity_id" int null, "method_id" int null, "author_id" int null, "created_by_id" int null, "publishable" boolean not null default false, "created_at" timestamptz not null, "search_vector" tsvector generated always as (setweight(to_tsvector('hub_danish'::regconfig, coalesce(title, '')) || to_tsvector('hub_simple'::regconfig, coalesce(title, '')), 'A') || setweight(to_tsvector('hub_danish'::regconfig, coalesce(body, '')) || to_tsvector('hub_simple'::regconfig, coalesce(body, '')), 'B') || setweight(to_tsvector('hub_danish'::regconfig, coalesce(recommendation, '')) || to_tsvector('hub_simple'::regconfig, coalesce(recommendation, '')), 'B')) stored not null);`,
    );
    this.addSql(`create index "experience_activity_id_index" on "experience" ("activity_id");`);
    this.addSql(`create index "experience_method_id_index" on "experience" ("method_id");`);
    this.addSql(`create index "experience_author_id_index" on "experience" ("author_id");`);
    this.addSql(`create index "experience_created_by_id_index" on "experience" ("created_by_id");`);
    this.addSql(`create index "experience_search_vector_index" on "public"."experience" using gin("search_vector");`);

    this.addSql(
      `create table "evaluation" ("id" serial primary key, "activity_id" int not null, "decision" text not null, "rationale" text not null, "decided_at" timestamptz not null, "decided_by_id" int null);`,
    );
    this.addSql(`create index "evaluation_activity_id_index" on "evaluation" ("activity_id");`);
    this.addSql(`create index "evaluation_decided_by_id_index" on "evaluation" ("decided_by_id");`);

    this.addSql(
      `alter table "inquiry_count" add constraint "inquiry_count_plan_id_foreign" foreign key ("plan_id") references "plan" ("id") on delete cascade;`,
    );
    this.addSql(`alter table "inquiry_count" add constraint "inquiry_count_period_check" check (period_end >= period_start and count >= 0);`);
    this.addSql(
      `alter table "inquiry_count" add constraint "inquiry_count_channel_check" check ("channel" in ('LETTER', 'EMAIL', 'PHONE', 'IN_PERSON', 'DIGITAL_POST', 'SELF_SERVICE', 'SOCIAL_MEDIA', 'SYSTEM'));`,
    );

    this.addSql(
      `alter table "meeting" add constraint "meeting_steering_group_id_foreign" foreign key ("steering_group_id") references "steering_group" ("id") on delete cascade;`,
    );

    this.addSql(
      `alter table "action_item" add constraint "action_item_meeting_id_foreign" foreign key ("meeting_id") references "meeting" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "action_item" add constraint "action_item_owner_id_foreign" foreign key ("owner_id") references "person" ("id") on delete set null;`,
    );
    this.addSql(`alter table "action_item" add constraint "action_item_status_check" check ("status" in ('OPEN', 'DONE'));`);

    this.addSql(`alter table "indicator" add constraint "indicator_plan_id_foreign" foreign key ("plan_id") references "plan" ("id") on delete cascade;`);
    this.addSql(
      `alter table "indicator" add constraint "indicator_activity_id_foreign" foreign key ("activity_id") references "activity" ("id") on delete cascade;`,
    );
    this.addSql(`alter table "indicator" add constraint "indicator_one_subject_check" check ((plan_id is null) <> (activity_id is null));`);
    this.addSql(`alter table "indicator" add constraint "indicator_direction_check" check ("direction" in ('INCREASE', 'DECREASE'));`);

    this.addSql(
      `alter table "measurement" add constraint "measurement_indicator_id_foreign" foreign key ("indicator_id") references "indicator" ("id") on delete cascade;`,
    );
    this.addSql(`alter table "measurement" add constraint "measurement_period_check" check (period_end >= period_start);`);

    this.addSql(
      `alter table "experience" add constraint "experience_activity_id_foreign" foreign key ("activity_id") references "activity" ("id") on delete set null;`,
    );
    this.addSql(
      `alter table "experience" add constraint "experience_method_id_foreign" foreign key ("method_id") references "method" ("id") on delete set null;`,
    );
    this.addSql(
      `alter table "experience" add constraint "experience_author_id_foreign" foreign key ("author_id") references "person" ("id") on delete set null;`,
    );
    this.addSql(
      `alter table "experience" add constraint "experience_created_by_id_foreign" foreign key ("created_by_id") references "app_user" ("id") on delete set null;`,
    );
    this.addSql(`alter table "experience" add constraint "experience_outcome_check" check ("outcome" in ('WORKED', 'MIXED', 'DID_NOT_WORK'));`);

    this.addSql(
      `alter table "evaluation" add constraint "evaluation_activity_id_foreign" foreign key ("activity_id") references "activity" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "evaluation" add constraint "evaluation_decided_by_id_foreign" foreign key ("decided_by_id") references "app_user" ("id") on delete set null;`,
    );
    this.addSql(`alter table "evaluation" add constraint "evaluation_decision_check" check ("decision" in ('CONTINUE', 'ADJUST', 'STOP'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "action_item" drop constraint "action_item_meeting_id_foreign";`);
    this.addSql(`alter table "measurement" drop constraint "measurement_indicator_id_foreign";`);

    this.addSql(`drop table if exists "inquiry_count" cascade;`);
    this.addSql(`drop table if exists "meeting" cascade;`);
    this.addSql(`drop table if exists "action_item" cascade;`);
    this.addSql(`drop table if exists "indicator" cascade;`);
    this.addSql(`drop table if exists "measurement" cascade;`);
    this.addSql(`drop table if exists "experience" cascade;`);
    this.addSql(`drop table if exists "evaluation" cascade;`);
  }
}
