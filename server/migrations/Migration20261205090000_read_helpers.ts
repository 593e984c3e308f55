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
  }

  override down(): void | Promise<void> {
    this.addSql(`drop function if exists hub_answer_rows(bigint, int);`);
    this.addSql(`drop function if exists hub_components(int, int[], int[]);`);
  }
}
