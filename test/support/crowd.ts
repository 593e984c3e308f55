import pg from 'pg';

/** Copies of one activity into its own estate, so that every copy overlaps every other: a busy estate's worth of pairs. */
export async function crowdOneEstate(url: string, copies: number): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('begin');
    const { rows: made } = await client.query(
      `insert into activity (plan_id, title, description, method_id, contact_id, status, start_date, end_date, schedule, capacity, version, archived, created_at, updated_at)
       select a.plan_id, a.title || ' ' || n, a.description, a.method_id, a.contact_id, a.status, a.start_date, a.end_date, a.schedule, a.capacity, 1, false, now(), now()
       from activity a, generate_series(1, $1) n
       where a.id = (select min(id) from activity where method_id is not null and not archived and status <> 'CANCELLED' and end_date is null)
       returning id`,
      [copies],
    );
    const ids = `{${made.map((r) => r.id).join(',')}}`;
    const source = "(select min(id) from activity where method_id is not null and not archived and status <> 'CANCELLED' and end_date is null)";
    for (const [table, column] of [
      ['activity_area', 'area_id'],
      ['activity_target_group', 'target_group_id'],
      ['activity_theme', 'theme_id'],
    ]) {
      await client.query(
        `insert into ${table} (activity_id, ${column}) select n.id, t.${column} from unnest($1::int[]) n(id), ${table} t where t.activity_id = ${source}`,
        [ids],
      );
    }
    // The hub scores every pair again when it starts on a database whose pairs another model computed.
    await client.query("delete from hub_setting where key = 'overlap_model'");
    await client.query('commit');
  } finally {
    await client.end();
  }
}
