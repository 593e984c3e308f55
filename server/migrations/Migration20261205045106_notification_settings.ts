import { Migration } from '@mikro-orm/migrations';

export class Migration20261205045106_notification_settings extends Migration {
  override name = 'Migration20261205045106_notification_settings';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "notification_setting" ("user_id" int not null, "kind" text not null, "frequency" text not null, primary key ("user_id", "kind"));`,
    );

    this.addSql(
      `create table "calendar_feed" ("user_id" int not null, "generation" int not null default 1, "revoked_at" timestamptz not null, primary key ("user_id"));`,
    );

    this.addSql(`alter table "notification" add "dedupe_key" varchar(200) null;`);
    this.addSql(`alter table "notification" add constraint "notification_dedupe_unique" unique ("recipient_id", "dedupe_key");`);

    this.addSql(
      `alter table "notification_setting" add constraint "notification_setting_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on delete cascade;`,
    );
    this.addSql(`alter table "notification_setting" add constraint "notification_setting_kind_check" check ("kind" in ('OVERLAP', 'DIGEST', 'REMINDER'));`);
    this.addSql(
      `alter table "notification_setting" add constraint "notification_setting_frequency_check" check ("frequency" in ('IMMEDIATELY', 'DAILY', 'WEEKLY', 'NEVER'));`,
    );

    this.addSql(
      `alter table "calendar_feed" add constraint "calendar_feed_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade on delete cascade;`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "notification_setting" cascade;`);
    this.addSql(`drop table if exists "calendar_feed" cascade;`);

    this.addSql(`alter table "notification" drop constraint "notification_dedupe_unique";`);
    this.addSql(`alter table "notification" drop column "dedupe_key";`);
  }
}
