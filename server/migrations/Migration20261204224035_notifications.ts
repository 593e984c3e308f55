import { Migration } from '@mikro-orm/migrations';

export class Migration20261204224035_notifications extends Migration {
  override name = 'Migration20261204224035_notifications';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "outbox_message" ("id" serial primary key, "recipient_id" int null, "kind" text not null, "message_id" varchar(200) not null, "to_address" varchar(320) not null, "subject" varchar(500) not null, "text" text not null, "html" text not null, "headers" jsonb not null, "state" text not null default 'PENDING', "attempts" int not null default 0, "next_attempt_at" timestamptz not null, "last_error" text null, "created_at" timestamptz not null, "sent_at" timestamptz null);`,
    );
    this.addSql(`create index "outbox_message_recipient_index" on "outbox_message" ("recipient_id", "kind", "created_at");`);
    this.addSql(`create index "outbox_message_due_index" on "outbox_message" ("state", "next_attempt_at");`);
    this.addSql(`alter table "outbox_message" add constraint "outbox_message_message_id_unique" unique ("message_id");`);

    this.addSql(
      `create table "notification" ("id" serial primary key, "recipient_id" int not null, "kind" text not null, "title" varchar(500) not null, "link" varchar(500) not null, "payload" jsonb not null, "created_at" timestamptz not null, "read_at" timestamptz null, "email_state" text not null, "email_id" int null);`,
    );
    this.addSql(`create index "notification_pending_index" on "notification" ("email_state", "recipient_id");`);
    this.addSql(`create index "notification_recipient_index" on "notification" ("recipient_id", "created_at");`);

    this.addSql(
      `alter table "outbox_message" add constraint "outbox_message_recipient_id_foreign" foreign key ("recipient_id") references "app_user" ("id") on delete set null;`,
    );
    this.addSql(`alter table "outbox_message" add constraint "outbox_message_kind_check" check ("kind" in ('OVERLAP', 'DIGEST', 'REMINDER'));`);
    this.addSql(`alter table "outbox_message" add constraint "outbox_message_state_check" check ("state" in ('PENDING', 'SENT', 'FAILED'));`);

    this.addSql(
      `alter table "notification" add constraint "notification_recipient_id_foreign" foreign key ("recipient_id") references "app_user" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "notification" add constraint "notification_email_id_foreign" foreign key ("email_id") references "outbox_message" ("id") on delete set null;`,
    );
    this.addSql(`alter table "notification" add constraint "notification_kind_check" check ("kind" in ('OVERLAP', 'DIGEST', 'REMINDER'));`);
    this.addSql(`alter table "notification" add constraint "notification_email_state_check" check ("email_state" in ('PENDING', 'QUEUED', 'NOT_SENT'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "notification" drop constraint "notification_email_id_foreign";`);

    this.addSql(`drop table if exists "outbox_message" cascade;`);
    this.addSql(`drop table if exists "notification" cascade;`);
  }
}
