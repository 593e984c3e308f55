import { Migration } from '@mikro-orm/migrations';

export class Migration20261122181908_access extends Migration {
  override name = 'Migration20261122181908_access';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "app_user" ("id" serial primary key, "name" varchar(200) not null, "role" text not null, "person_id" int null, "token_hash" varchar(64) not null, "created_at" timestamptz not null);`,
    );
    this.addSql(`create index "app_user_person_id_index" on "app_user" ("person_id");`);
    this.addSql(`alter table "app_user" add constraint "app_user_token_hash_unique" unique ("token_hash");`);

    this.addSql(
      `create table "audit_event" ("id" bigserial primary key, "at" timestamptz not null, "actor_id" int null, "action" varchar(64) not null, "entity_type" varchar(64) not null, "entity_id" int not null, "changes" jsonb not null);`,
    );
    this.addSql(`create index "audit_event_actor_id_index" on "audit_event" ("actor_id");`);
    this.addSql(`create index "audit_event_entity_index" on "audit_event" ("entity_type", "entity_id", "id");`);

    this.addSql(`create table "user_plan" ("user_id" int not null, "plan_id" int not null, primary key ("user_id", "plan_id"));`);
    this.addSql(`create index "user_plan_plan_id_index" on "user_plan" ("plan_id");`);

    this.addSql(`alter table "activity" add "created_by_id" int null, add "idempotency_key" varchar(200) null;`);
    this.addSql(
      `alter table "activity" add constraint "activity_created_by_id_foreign" foreign key ("created_by_id") references "app_user" ("id") on delete set null;`,
    );
    this.addSql(`create index "activity_created_by_id_index" on "activity" ("created_by_id");`);
    this.addSql(`alter table "activity" add constraint "activity_idempotency_unique" unique ("created_by_id", "idempotency_key");`);

    this.addSql(`alter table "app_user" add constraint "app_user_person_id_foreign" foreign key ("person_id") references "person" ("id") on delete set null;`);
    this.addSql(`alter table "app_user" add constraint "app_user_role_check" check ("role" in ('ADMIN', 'COORDINATOR', 'PROJECT_LEAD', 'READER'));`);

    this.addSql(
      `alter table "audit_event" add constraint "audit_event_actor_id_foreign" foreign key ("actor_id") references "app_user" ("id") on delete set null;`,
    );

    this.addSql(
      `alter table "user_plan" add constraint "user_plan_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "user_plan" add constraint "user_plan_plan_id_foreign" foreign key ("plan_id") references "plan" ("id") on update cascade on delete cascade;`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "audit_event" drop constraint "audit_event_actor_id_foreign";`);
    this.addSql(`alter table "activity" drop constraint "activity_created_by_id_foreign";`);
    this.addSql(`alter table "user_plan" drop constraint "user_plan_user_id_foreign";`);

    this.addSql(`drop table if exists "app_user" cascade;`);
    this.addSql(`drop table if exists "audit_event" cascade;`);
    this.addSql(`drop table if exists "user_plan" cascade;`);

    this.addSql(`drop index "activity_created_by_id_index";`);
    this.addSql(`alter table "activity" drop constraint "activity_idempotency_unique";`);
    this.addSql(`alter table "activity" drop column "created_by_id", drop column "idempotency_key";`);
  }
}
