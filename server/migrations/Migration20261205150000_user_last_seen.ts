import { Migration } from '@mikro-orm/migrations';

export class Migration20261205150000_user_last_seen extends Migration {
  override name = 'Migration20261205150000_user_last_seen';

  override up(): void | Promise<void> {
    // When each user last used the hub, to the hour, for the administrators' list of users.
    this.addSql(`alter table "app_user" add column "last_seen_at" timestamptz null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "app_user" drop column "last_seen_at";`);
  }
}
