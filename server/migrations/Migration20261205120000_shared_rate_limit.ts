import { Migration } from '@mikro-orm/migrations';

export class Migration20261205120000_shared_rate_limit extends Migration {
  override name = 'Migration20261205120000_shared_rate_limit';

  override up(): void | Promise<void> {
    // Every hub on the database counts requests here; unlogged: after a crash the buckets start full, which is what a restart did.
    this.addSql(`create unlogged table "hub_rate_bucket" (
      "key" text primary key,
      "tokens" double precision not null,
      "at" timestamptz not null,
      "asked" integer not null,
      "granted" integer not null
    );`);
    // One statement takes a batch of requests: per key, as many as the refilled bucket holds; keys in order, so batches never deadlock.
    this.addSql(`create function hub_take(p_keys text[], p_counts integer[], p_per_minute double precision)
      returns table (key text, granted integer, tokens double precision) language sql volatile as $$
        insert into hub_rate_bucket as b (key, tokens, at, asked, granted)
        select k, p_per_minute - least(n, floor(p_per_minute)::integer), statement_timestamp(), n, least(n, floor(p_per_minute)::integer)
        from unnest(p_keys, p_counts) as t(k, n) order by k
        on conflict (key) do update set
          granted = least(excluded.asked, floor(least(p_per_minute, b.tokens + extract(epoch from statement_timestamp() - b.at) * p_per_minute / 60))::integer),
          tokens = least(p_per_minute, b.tokens + extract(epoch from statement_timestamp() - b.at) * p_per_minute / 60)
            - least(excluded.asked, floor(least(p_per_minute, b.tokens + extract(epoch from statement_timestamp() - b.at) * p_per_minute / 60))::integer),
          asked = excluded.asked,
          at = statement_timestamp()
        returning b.key, b.granted, b.tokens
      $$;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop function hub_take(text[], integer[], double precision);`);
    this.addSql(`drop table "hub_rate_bucket";`);
  }
}
