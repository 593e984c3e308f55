import { Migration } from '@mikro-orm/migrations';

export class Migration20261205090000_read_helpers extends Migration {
  override name = 'Migration20261205090000_read_helpers';

  override up(): void | Promise<void> {
    // Connected components of the graph on nodes 1..n with edges (a[i], b[i]): each node and the smallest node of its component.
    // Union-find in PL/pgSQL, so that overlapGroups(by: CLUSTER) is one statement; a parent is never larger than its child.
    this.addSql(`create or replace function hub_components(n int, a int[], b int[]) returns table(node int, root int)
      language plpgsql immutable parallel safe as $$
      declare
        parent int[] := array(select generate_series(1, n));
        k int;
        x int;
        y int;
      begin
        for k in 1 .. coalesce(array_length(a, 1), 0) loop
          x := a[k];
          -- Path halving keeps every chain short, whatever order the edges come in.
          while parent[x] <> x loop
            parent[x] := parent[parent[x]];
            x := parent[x];
          end loop;
          y := b[k];
          while parent[y] <> y loop
            parent[y] := parent[parent[y]];
            y := parent[y];
          end loop;
          if x < y then
            parent[y] := x;
          elsif y < x then
            parent[x] := y;
          end if;
        end loop;
        for k in 1 .. n loop
          -- Parents are smaller, so each one's root is known by the time it is needed.
          parent[k] := parent[parent[k]];
          node := k;
          root := parent[k];
          return next;
        end loop;
      end $$;`);
    // A planned read counts the rows of its unbounded nested lists here, per statement (transaction-local), and stops once they pass the cap.
    this.addSql(`create or replace function hub_answer_rows(n bigint, cap int) returns boolean language plpgsql volatile as $$
      declare
        so_far bigint := coalesce(nullif(current_setting('hub.answer_rows', true), '')::bigint, 0) + n;
      begin
        if so_far > cap then
          raise exception 'the answer would hold more than % rows', cap using errcode = 'HUB01';
        end if;
        perform set_config('hub.answer_rows', so_far::text, true);
        return true;
      end $$;`);
    // The database's secret for signed links (core of notifications/signing.ts), made here so that a planned read can sign with it.
    this.addSql(`insert into hub_setting (key, value)
      values ('signing_secret', encode(decode(replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''), 'hex'), 'base64'))
      on conflict (key) do nothing;`);
    // sign() of notifications/signing.ts in SQL: HMAC-SHA256 (RFC 2104) with that secret, base64url, its first 32 characters.
    this.addSql(`create or replace function hub_sign(message text) returns text language sql stable parallel safe as $$
      with secret as (select decode(value, 'base64') as k from hub_setting where key = 'signing_secret'),
      pads as (
        select string_agg(set_byte(decode('00', 'hex'), 0, (case when i < length(k) then get_byte(k, i) else 0 end) # 54), ''::bytea order by i) as inner_pad,
          string_agg(set_byte(decode('00', 'hex'), 0, (case when i < length(k) then get_byte(k, i) else 0 end) # 92), ''::bytea order by i) as outer_pad
        from secret, generate_series(0, 63) i)
      select left(rtrim(translate(encode(sha256(outer_pad || sha256(inner_pad || convert_to(message, 'UTF8'))), 'base64'), '+/', '-_'), '='), 32)
      from pads $$;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop function if exists hub_sign(text);`);
    this.addSql(`drop function if exists hub_answer_rows(bigint, int);`);
    this.addSql(`drop function if exists hub_components(int, int[], int[]);`);
  }
}
