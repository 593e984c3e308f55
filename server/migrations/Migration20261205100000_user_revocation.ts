import { Migration } from '@mikro-orm/migrations';

export class Migration20261205100000_user_revocation extends Migration {
  override name = 'Migration20261205100000_user_revocation';

  override up(): void | Promise<void> {
    this.addSql(`alter table "app_user" add column "revoked_at" timestamptz null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "app_user" drop column "revoked_at";`);
  }
}
