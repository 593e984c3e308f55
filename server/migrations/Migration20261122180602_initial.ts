import { Migration } from '@mikro-orm/migrations';

export class Migration20261122180602_initial extends Migration {
  override name = 'Migration20261122180602_initial';

  override up(): void | Promise<void> {
    // Text search without accents ("lektiecafe" finds "lektiecafé"): Danish stems, and unstemmed words for prefix matching.
    this.addSql(`create extension if not exists unaccent;`);
    this.addSql(`create text search configuration hub_danish (copy = danish);`);
    this.addSql(`alter text search configuration hub_danish alter mapping for hword, hword_part, word with unaccent, danish_stem;`);
    this.addSql(`create text search configuration hub_simple (copy = simple);`);
    this.addSql(`alter text search configuration hub_simple alter mapping for hword, hword_part, word with unaccent, simple;`);

    this.addSql(
      `create table "area" ("id" serial primary key, "code" varchar(64) not null, "name" varchar(200) not null, "kind" text not null, "parent_id" int null, "latitude" double precision null, "longitude" double precision null, "residents" int null);`,
    );
    this.addSql(`alter table "area" add constraint "area_code_unique" unique ("code");`);
    this.addSql(`create index "area_parent_id_index" on "area" ("parent_id");`);

    this.addSql(`create table "method" ("id" serial primary key, "code" varchar(64) not null, "name" varchar(200) not null, "description" text null);`);
    this.addSql(`alter table "method" add constraint "method_code_unique" unique ("code");`);

    this.addSql(`create table "organisation" ("id" serial primary key, "name" varchar(200) not null, "kind" text not null);`);

    this.addSql(
      `create table "person" ("id" serial primary key, "name" varchar(200) not null, "title" varchar(200) null, "organisation_id" int null, "email" varchar(320) null, "phone" varchar(40) null);`,
    );
    this.addSql(`create index "person_organisation_id_index" on "person" ("organisation_id");`);

    this.addSql(
      `create table "plan" ("id" serial primary key, "code" varchar(64) not null, "name" varchar(200) not null, "status" text not null default 'ACTIVE', "start_date" date not null, "end_date" date not null, "description" text null, "lead_id" int null, "created_at" timestamptz not null, "updated_at" timestamptz not null);`,
    );
    this.addSql(`alter table "plan" add constraint "plan_code_unique" unique ("code");`);
    this.addSql(`create index "plan_lead_id_index" on "plan" ("lead_id");`);

    this.addSql(
      `create table "activity" ("id" serial primary key, "plan_id" int not null, "title" varchar(200) not null, "description" text null, "method_id" int null, "contact_id" int null, "status" text not null default 'PLANNED', "start_date" date not null, "end_date" date null, "schedule" jsonb not null, "capacity" int null, "version" int not null default 1, "archived" boolean not null default false, "created_at" timestamptz not null, "updated_at" timestamptz not null, "search_vector" tsvector generated always as (setweight(to_tsvector('hub_danish'::regconfig, coalesce(title, '')) || to_tsvector('hub_simple'::regconfig, coalesce(title, '')), 'A') || setweight(to_tsvector('hub_danish'::regconfig, coalesce(description, '')) || to_tsvector('hub_simple'::regconfig, coalesce(description, '')), 'B')) stored not null);`,
    );
    this.addSql(`create index "activity_plan_id_index" on "activity" ("plan_id");`);
    this.addSql(`create index "activity_method_id_index" on "activity" ("method_id");`);
    this.addSql(`create index "activity_contact_id_index" on "activity" ("contact_id");`);
    this.addSql(`create index "activity_status_index" on "activity" ("status");`);
    this.addSql(`create index "activity_search_vector_index" on "public"."activity" using gin("search_vector");`);
    this.addSql(`create index "activity_period_index" on "activity" ("start_date", "end_date");`);

    this.addSql(
      `create table "activity_partner" ("activity_id" int not null, "organisation_id" int not null, primary key ("activity_id", "organisation_id"));`,
    );
    this.addSql(`create index "activity_partner_organisation_id_index" on "activity_partner" ("organisation_id");`);

    this.addSql(`create table "activity_area" ("activity_id" int not null, "area_id" int not null, primary key ("activity_id", "area_id"));`);
    this.addSql(`create index "activity_area_area_id_index" on "activity_area" ("area_id");`);

    this.addSql(`create table "plan_area" ("plan_id" int not null, "area_id" int not null, primary key ("plan_id", "area_id"));`);
    this.addSql(`create index "plan_area_area_id_index" on "plan_area" ("area_id");`);

    this.addSql(
      `create table "plan_housing_organisation" ("plan_id" int not null, "organisation_id" int not null, primary key ("plan_id", "organisation_id"));`,
    );
    this.addSql(`create index "plan_housing_organisation_organisation_id_index" on "plan_housing_organisation" ("organisation_id");`);

    this.addSql(`create table "steering_group" ("id" serial primary key, "name" varchar(200) not null, "plan_id" int null);`);
    this.addSql(`alter table "steering_group" add constraint "steering_group_plan_id_unique" unique ("plan_id");`);

    this.addSql(
      `create table "steering_group_member" ("id" serial primary key, "steering_group_id" int not null, "person_id" int not null, "role" varchar(200) null);`,
    );
    this.addSql(`create index "steering_group_member_steering_group_id_index" on "steering_group_member" ("steering_group_id");`);
    this.addSql(`create index "steering_group_member_person_id_index" on "steering_group_member" ("person_id");`);
    this.addSql(
      `alter table "steering_group_member" add constraint "steering_group_member_steering_group_id_person_id_unique" unique ("steering_group_id", "person_id");`,
    );

    this.addSql(
      `create table "target_group" ("id" serial primary key, "code" varchar(64) not null, "name" varchar(200) not null, "parent_id" int null, "min_age" smallint null, "max_age" smallint null);`,
    );
    this.addSql(`alter table "target_group" add constraint "target_group_code_unique" unique ("code");`);
    this.addSql(`create index "target_group_parent_id_index" on "target_group" ("parent_id");`);

    this.addSql(
      `create table "activity_target_group" ("activity_id" int not null, "target_group_id" int not null, primary key ("activity_id", "target_group_id"));`,
    );
    this.addSql(`create index "activity_target_group_target_group_id_index" on "activity_target_group" ("target_group_id");`);

    this.addSql(`create table "theme" ("id" serial primary key, "code" varchar(64) not null, "name" varchar(200) not null);`);
    this.addSql(`alter table "theme" add constraint "theme_code_unique" unique ("code");`);

    this.addSql(`create table "activity_theme" ("activity_id" int not null, "theme_id" int not null, primary key ("activity_id", "theme_id"));`);
    this.addSql(`create index "activity_theme_theme_id_index" on "activity_theme" ("theme_id");`);

    this.addSql(`alter table "area" add constraint "area_parent_id_foreign" foreign key ("parent_id") references "area" ("id") on delete restrict;`);
    this.addSql(`alter table "area" add constraint "area_kind_check" check ("kind" in ('MUNICIPALITY', 'DISTRICT', 'ESTATE'));`);

    this.addSql(
      `alter table "organisation" add constraint "organisation_kind_check" check ("kind" in ('HOUSING_ORGANISATION', 'MUNICIPAL_DEPARTMENT', 'NGO', 'POLICE', 'SCHOOL', 'OTHER'));`,
    );

    this.addSql(
      `alter table "person" add constraint "person_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on delete set null;`,
    );

    this.addSql(`alter table "plan" add constraint "plan_lead_id_foreign" foreign key ("lead_id") references "person" ("id") on delete set null;`);
    this.addSql(`alter table "plan" add constraint "plan_period_check" check (end_date >= start_date);`);
    this.addSql(`alter table "plan" add constraint "plan_status_check" check ("status" in ('DRAFT', 'ACTIVE', 'ENDED'));`);

    this.addSql(`alter table "activity" add constraint "activity_plan_id_foreign" foreign key ("plan_id") references "plan" ("id") on delete cascade;`);
    this.addSql(`alter table "activity" add constraint "activity_method_id_foreign" foreign key ("method_id") references "method" ("id") on delete set null;`);
    this.addSql(
      `alter table "activity" add constraint "activity_contact_id_foreign" foreign key ("contact_id") references "person" ("id") on delete set null;`,
    );
    this.addSql(`alter table "activity" add constraint "activity_capacity_check" check (capacity is null or capacity >= 0);`);
    this.addSql(`alter table "activity" add constraint "activity_period_check" check (end_date is null or end_date >= start_date);`);
    this.addSql(`alter table "activity" add constraint "activity_status_check" check ("status" in ('PLANNED', 'RUNNING', 'PAUSED', 'ENDED', 'CANCELLED'));`);

    this.addSql(
      `alter table "activity_partner" add constraint "activity_partner_activity_id_foreign" foreign key ("activity_id") references "activity" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "activity_partner" add constraint "activity_partner_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "activity_area" add constraint "activity_area_activity_id_foreign" foreign key ("activity_id") references "activity" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "activity_area" add constraint "activity_area_area_id_foreign" foreign key ("area_id") references "area" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "plan_area" add constraint "plan_area_plan_id_foreign" foreign key ("plan_id") references "plan" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "plan_area" add constraint "plan_area_area_id_foreign" foreign key ("area_id") references "area" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "plan_housing_organisation" add constraint "plan_housing_organisation_plan_id_foreign" foreign key ("plan_id") references "plan" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "plan_housing_organisation" add constraint "plan_housing_organisation_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "steering_group" add constraint "steering_group_plan_id_foreign" foreign key ("plan_id") references "plan" ("id") on delete set null;`,
    );

    this.addSql(
      `alter table "steering_group_member" add constraint "steering_group_member_steering_group_id_foreign" foreign key ("steering_group_id") references "steering_group" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "steering_group_member" add constraint "steering_group_member_person_id_foreign" foreign key ("person_id") references "person" ("id") on delete cascade;`,
    );

    this.addSql(
      `alter table "target_group" add constraint "target_group_parent_id_foreign" foreign key ("parent_id") references "target_group" ("id") on delete restrict;`,
    );
    this.addSql(`alter table "target_group" add constraint "target_group_age_range_check" check (min_age is null or max_age is null or min_age <= max_age);`);

    this.addSql(
      `alter table "activity_target_group" add constraint "activity_target_group_activity_id_foreign" foreign key ("activity_id") references "activity" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "activity_target_group" add constraint "activity_target_group_target_group_id_foreign" foreign key ("target_group_id") references "target_group" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "activity_theme" add constraint "activity_theme_activity_id_foreign" foreign key ("activity_id") references "activity" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "activity_theme" add constraint "activity_theme_theme_id_foreign" foreign key ("theme_id") references "theme" ("id") on update cascade on delete cascade;`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "area" drop constraint "area_parent_id_foreign";`);
    this.addSql(`alter table "activity_area" drop constraint "activity_area_area_id_foreign";`);
    this.addSql(`alter table "plan_area" drop constraint "plan_area_area_id_foreign";`);
    this.addSql(`alter table "activity" drop constraint "activity_method_id_foreign";`);
    this.addSql(`alter table "person" drop constraint "person_organisation_id_foreign";`);
    this.addSql(`alter table "activity_partner" drop constraint "activity_partner_organisation_id_foreign";`);
    this.addSql(`alter table "plan_housing_organisation" drop constraint "plan_housing_organisation_organisation_id_foreign";`);
    this.addSql(`alter table "plan" drop constraint "plan_lead_id_foreign";`);
    this.addSql(`alter table "activity" drop constraint "activity_contact_id_foreign";`);
    this.addSql(`alter table "steering_group_member" drop constraint "steering_group_member_person_id_foreign";`);
    this.addSql(`alter table "activity" drop constraint "activity_plan_id_foreign";`);
    this.addSql(`alter table "plan_area" drop constraint "plan_area_plan_id_foreign";`);
    this.addSql(`alter table "plan_housing_organisation" drop constraint "plan_housing_organisation_plan_id_foreign";`);
    this.addSql(`alter table "steering_group" drop constraint "steering_group_plan_id_foreign";`);
    this.addSql(`alter table "activity_partner" drop constraint "activity_partner_activity_id_foreign";`);
    this.addSql(`alter table "activity_area" drop constraint "activity_area_activity_id_foreign";`);
    this.addSql(`alter table "activity_target_group" drop constraint "activity_target_group_activity_id_foreign";`);
    this.addSql(`alter table "activity_theme" drop constraint "activity_theme_activity_id_foreign";`);
    this.addSql(`alter table "steering_group_member" drop constraint "steering_group_member_steering_group_id_foreign";`);
    this.addSql(`alter table "target_group" drop constraint "target_group_parent_id_foreign";`);
    this.addSql(`alter table "activity_target_group" drop constraint "activity_target_group_target_group_id_foreign";`);
    this.addSql(`alter table "activity_theme" drop constraint "activity_theme_theme_id_foreign";`);

    this.addSql(`drop table if exists "area" cascade;`);
    this.addSql(`drop table if exists "method" cascade;`);
    this.addSql(`drop table if exists "organisation" cascade;`);
    this.addSql(`drop table if exists "person" cascade;`);
    this.addSql(`drop table if exists "plan" cascade;`);
    this.addSql(`drop table if exists "activity" cascade;`);
    this.addSql(`drop table if exists "activity_partner" cascade;`);
    this.addSql(`drop table if exists "activity_area" cascade;`);
    this.addSql(`drop table if exists "plan_area" cascade;`);
    this.addSql(`drop table if exists "plan_housing_organisation" cascade;`);
    this.addSql(`drop table if exists "steering_group" cascade;`);
    this.addSql(`drop table if exists "steering_group_member" cascade;`);
    this.addSql(`drop table if exists "target_group" cascade;`);
    this.addSql(`drop table if exists "activity_target_group" cascade;`);
    this.addSql(`drop table if exists "theme" cascade;`);
    this.addSql(`drop table if exists "activity_theme" cascade;`);
    this.addSql(`drop text search configuration if exists hub_danish;`);
    this.addSql(`drop text search configuration if exists hub_simple;`);
  }
}
