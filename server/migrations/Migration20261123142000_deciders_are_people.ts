import { Migration } from '@mikro-orm/migrations';

export class Migration20261123142000_deciders_are_people extends Migration {
  override name = 'Migration20261123142000_deciders_are_people';

  override up(): void | Promise<void> {
    // Coordinators and project leads decide (reviews name their person): give each one without a person a person of their name.
    this.addSql(`do $$ declare u record; made int; begin
      for u in select id, name from app_user where person_id is null and role in ('COORDINATOR', 'PROJECT_LEAD') order by id loop
        insert into person (name) values (u.name) returning id into made;
        update app_user set person_id = made where id = u.id;
      end loop;
    end $$;`);
  }

  override down(): void | Promise<void> {
    // The persons stay: they may be named by reviews and other records by now.
  }
}
