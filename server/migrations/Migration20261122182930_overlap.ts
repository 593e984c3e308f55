import { Migration } from '@mikro-orm/migrations';

export class Migration20261122182930_overlap extends Migration {
  override name = 'Migration20261122182930_overlap';

  override up(): void | Promise<void> {
    // Trigram similarity for the text signal of overlap scoring.
    this.addSql(`create extension if not exists pg_trgm;`);
    this.addSql(
      `create table "area_match" ("area_id" int not null, "match_id" int not null, "relation" varchar(16) not null, "distance_km" double precision null, primary key ("area_id", "match_id"));`,
    );
    this.addSql(`create index "area_match_match_id_index" on "area_match" ("match_id");`);

    this.addSql(`create table "hub_setting" ("key" varchar(64) not null, "value" text not null, primary key ("key"));`);

    this.addSql(
      `create table "target_group_match" ("group_id" int not null, "match_id" int not null, "relation" varchar(16) not null, primary key ("group_id", "match_id"));`,
    );
    this.addSql(`create index "target_group_match_match_id_index" on "target_group_match" ("match_id");`);

    this.addSql(
      `create table "overlap_review" ("id" serial primary key, "activity_a_id" int not null, "activity_b_id" int not null, "decision" text not null, "note" text null, "reviewed_by_id" int null, "reviewed_at" timestamptz not null, "superseded_at" timestamptz null);`,
    );
    this.addSql(`create index "overlap_review_reviewed_by_id_index" on "overlap_review" ("reviewed_by_id");`);
    this.addSql(`create index "overlap_review_other_index" on "overlap_review" ("activity_b_id");`);
    this.addSql(`create index "overlap_review_pair_index" on "overlap_review" ("activity_a_id", "activity_b_id");`);

    this.addSql(
      `create table "activity_overlap" ("activity_a_id" int not null, "activity_b_id" int not null, "score" double precision not null, "reasons" jsonb not null, "common_start" date not null, "common_end" date null, "same_plan" boolean not null, primary key ("activity_a_id", "activity_b_id"));`,
    );
    this.addSql(`create index "activity_overlap_other_index" on "activity_overlap" ("activity_b_id");`);
    this.addSql(`create index "activity_overlap_score_index" on "activity_overlap" ("score", "activity_a_id", "activity_b_id");`);

    this.addSql(
      `alter table "area_match" add constraint "area_match_area_id_foreign" foreign key ("area_id") references "area" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "area_match" add constraint "area_match_match_id_foreign" foreign key ("match_id") references "area" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "target_group_match" add constraint "target_group_match_group_id_foreign" foreign key ("group_id") references "target_group" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "target_group_match" add constraint "target_group_match_match_id_foreign" foreign key ("match_id") references "target_group" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "overlap_review" add constraint "overlap_review_activity_a_id_foreign" foreign key ("activity_a_id") references "activity" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "overlap_review" add constraint "overlap_review_activity_b_id_foreign" foreign key ("activity_b_id") references "activity" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "overlap_review" add constraint "overlap_review_reviewed_by_id_foreign" foreign key ("reviewed_by_id") references "app_user" ("id") on delete set null;`,
    );
    this.addSql(
      `alter table "overlap_review" add constraint "overlap_review_decision_check" check ("decision" in ('COMPLEMENTARY', 'COORDINATED', 'DUPLICATE'));`,
    );

    this.addSql(
      `alter table "activity_overlap" add constraint "activity_overlap_activity_a_id_foreign" foreign key ("activity_a_id") references "activity" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "activity_overlap" add constraint "activity_overlap_activity_b_id_foreign" foreign key ("activity_b_id") references "activity" ("id") on update cascade on delete cascade;`,
    );

    // Lower-case, accent-free text for comparisons (unaccent itself is only stable, so it is wrapped).
    this.addSql(`create or replace function hub_norm(value text) returns text language sql immutable parallel safe as
      $$ select lower(public.unaccent('public.unaccent'::regdictionary, coalesce(value, ''))) $$;`);
    // Text without the given names: place names say where, not what, so they must not make two texts alike.
    this.addSql(`create or replace function hub_strip(value text, names text[]) returns text language plpgsql immutable parallel safe as
      $$ declare name text; begin
        foreach name in array coalesce(names, '{}') loop value := replace(value, name, ' '); end loop;
        return value;
      end $$;`);
    // The content words of an activity: Danish stems of its text without place names, target-group words and numbers.
    this.addSql(`create or replace function hub_content_words(title text, description text, places text[], groups text)
      returns text[] language sql immutable parallel safe as $$
        select array(
          select w from unnest(tsvector_to_array(to_tsvector('hub_danish', hub_strip(hub_norm(concat_ws(' ', title, description)), places)))) w
          where w !~ '^[0-9]+$'
          except select unnest(tsvector_to_array(to_tsvector('hub_danish', coalesce(groups, ''))))
          order by 1)
      $$;`);
    // Great-circle distance in km between two centroids.
    this.addSql(`create or replace function hub_km(lat1 double precision, lon1 double precision, lat2 double precision, lon2 double precision)
      returns double precision language sql immutable parallel safe as
      $$ select 2 * 6371 * asin(sqrt(power(sin(radians(lat2 - lat1) / 2), 2) + cos(radians(lat1)) * cos(radians(lat2)) * power(sin(radians(lon2 - lon1) / 2), 2))) $$;`);
    // Rule 3: an area matches itself, the areas it lies in, the areas inside it, and areas whose centroids are within 1.5 km.
    this.addSql(`create or replace function hub_refresh_area_match() returns void language sql as $$
      delete from area_match;
      insert into area_match (area_id, match_id, relation, distance_km)
      with recursive up(area_id, ancestor_id) as (
        select id, parent_id from area where parent_id is not null
        union all select up.area_id, a.parent_id from up join area a on a.id = up.ancestor_id where a.parent_id is not null)
      select id, id, 'SAME', 0 from area
      union all select area_id, ancestor_id, 'INSIDE', null from up
      union all select ancestor_id, area_id, 'CONTAINS', null from up;
      insert into area_match (area_id, match_id, relation, distance_km)
      select a.id, b.id, 'NEAR', hub_km(a.latitude, a.longitude, b.latitude, b.longitude)
      from area a join area b on b.id <> a.id
        and b.latitude between a.latitude - 0.0136 and a.latitude + 0.0136
        and hub_km(a.latitude, a.longitude, b.latitude, b.longitude) <= 1.5
      where a.latitude is not null and a.longitude is not null and b.longitude is not null
      on conflict do nothing;
    $$;`);
    // Rule 2: a target group matches itself, the groups it is part of and its sub-groups, when their ages meet.
    this.addSql(`create or replace function hub_refresh_target_group_match() returns void language sql as $$
      delete from target_group_match;
      insert into target_group_match (group_id, match_id, relation)
      with recursive up(group_id, ancestor_id) as (
        select id, parent_id from target_group where parent_id is not null
        union all select up.group_id, g.parent_id from up join target_group g on g.id = up.ancestor_id where g.parent_id is not null),
      related(group_id, match_id, relation) as (
        select id, id, 'SAME' from target_group
        union all select group_id, ancestor_id, 'PART_OF' from up
        union all select ancestor_id, group_id, 'INCLUDES' from up)
      select r.group_id, r.match_id, r.relation from related r
      join target_group g on g.id = r.group_id join target_group m on m.id = r.match_id
      where coalesce(g.min_age, 0) <= coalesce(m.max_age, 1000) and coalesce(m.min_age, 0) <= coalesce(g.max_age, 1000);
    $$;`);

    this.addSql(`select hub_refresh_area_match();`);
    this.addSql(`select hub_refresh_target_group_match();`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "area_match" cascade;`);
    this.addSql(`drop table if exists "hub_setting" cascade;`);
    this.addSql(`drop table if exists "target_group_match" cascade;`);
    this.addSql(`drop table if exists "overlap_review" cascade;`);
    this.addSql(`drop table if exists "activity_overlap" cascade;`);
    this.addSql(`drop function if exists hub_refresh_target_group_match();`);
    this.addSql(`drop function if exists hub_refresh_area_match();`);
    this.addSql(`drop function if exists hub_km(double precision, double precision, double precision, double precision);`);
    this.addSql(`drop function if exists hub_norm(text);`);
    this.addSql(`drop function if exists hub_strip(text, text[]);`);
    this.addSql(`drop function if exists hub_content_words(text, text, text[], text);`);
  }
}
