import type { EntityManager } from '@mikro-orm/postgresql';
import { Ctx, Arg, Field, FieldResolver, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { Area } from '../areas/area.entity.js';
import { TargetGroup } from '../catalogue/target-group.entity.js';
import { Theme } from '../catalogue/theme.entity.js';
import { visibleActivitySql } from '../access/visibility.js';
import { activeActivitySql } from '../activities/activity.query.js';
import type { HubContext, Viewer } from '../core/context.js';
import { today } from '../core/dates.js';
import { AreaKind } from '../core/enums.js';
import { expectIds } from '../core/global-id.js';
import { Conditions, pgArray, rows } from '../core/sql.js';
import { CoverageFilter } from './overlap.input.js';

@ObjectType('CoverageCell', { description: 'A cell of the coverage matrix: how many active activities serve a target group in an area.' })
export class CoverageCell {
  areaId!: number;
  targetGroupId!: number;
  themeId!: number | null;

  @Field(() => Int, { description: 'Active activities (planned or running, period including the date, not archived) serving the cell.' })
  activeActivities!: number;
}

/** The SQL of coverage(filter): one row per cell (area_id, group_id, theme_id, n), gaps in the most populous areas first. */
export function coverageSql(viewer: Viewer | null, filter: CoverageFilter | null | undefined): { sql: string; params: unknown[] } {
  const areaIds = expectIds(filter?.areaIds, 'Area', 'filter.areaIds');
  const groupIds = expectIds(filter?.targetGroupIds, 'TargetGroup', 'filter.targetGroupIds');
  const themeIds = expectIds(filter?.themeIds, 'Theme', 'filter.themeIds');
  const areas = new Conditions();
  if (areaIds) areas.add('id = any(?::int[])', pgArray(areaIds));
  if (filter?.areaKind || !areaIds) areas.add('kind = ?', filter?.areaKind ?? AreaKind.DISTRICT);
  const groups = new Conditions();
  if (groupIds) groups.add('id = any(?::int[])', pgArray(groupIds));
  const byTheme = themeIds !== undefined;
  return {
    sql: `with cell_area as (select id, name, residents from area where ${areas.toSql()}),
     cell_group as (select id, name, min_age from target_group where ${groups.toSql()}),
     cell_theme as (select id, code from theme where ${byTheme ? 'id = any(?::int[])' : 'false'}),
     active as (
       select a.id from activity a
       where ${activeActivitySql('a')} and a.start_date <= ?::date and (a.end_date is null or a.end_date >= ?::date)
         and ${visibleActivitySql(viewer, 'a')}),
     counted as (
       select am.area_id, gm.group_id, ${byTheme ? 'at.theme_id' : 'null::int'} as theme_id, count(distinct act.id)::int as n
       from active act
       join activity_area aa on aa.activity_id = act.id
       join area_match am on am.match_id = aa.area_id and am.relation in ('SAME', 'CONTAINS', 'INSIDE') and am.area_id in (select id from cell_area)
       join activity_target_group atg on atg.activity_id = act.id
       join target_group_match gm on gm.match_id = atg.target_group_id and gm.relation in ('SAME', 'INCLUDES') and gm.group_id in (select id from cell_group)
       ${byTheme ? 'join activity_theme at on at.activity_id = act.id and at.theme_id in (select id from cell_theme)' : ''}
       group by 1, 2, 3)
     select ca.id as area_id, cg.id as group_id, ct.id as theme_id, coalesce(c.n, 0) as n
     from cell_area ca cross join cell_group cg
     ${byTheme ? 'cross join cell_theme ct' : 'left join (select null::int as id, null::text as code) ct on true'}
     left join counted c on c.area_id = ca.id and c.group_id = cg.id and c.theme_id is not distinct from ct.id
     ${filter?.gapsOnly ? 'where c.n is null' : ''}
     order by ca.residents desc nulls last, ca.name, cg.min_age nulls last, cg.name, ct.code`,
    params: [...areas.params, ...groups.params, ...(byTheme ? [pgArray(themeIds!)] : []), filter?.activeOn ?? today(), filter?.activeOn ?? today()],
  };
}

/**
 * coverage(filter): every area x target group (x theme) cell with its number of active activities.
 * An activity counts for a cell when it is in the area, inside it or in an area containing it, and serves
 * the target group or one of its sub-groups (and has the theme). Gaps in the most populous areas come first.
 */
export async function coverage(em: EntityManager, viewer: Viewer | null, filter: CoverageFilter | null | undefined): Promise<CoverageCell[]> {
  const { sql, params } = coverageSql(viewer, filter);
  const result = await rows(em, sql, params);
  return result.map((row) =>
    Object.assign(new CoverageCell(), {
      areaId: Number(row.area_id),
      targetGroupId: Number(row.group_id),
      themeId: row.theme_id === null ? null : Number(row.theme_id),
      activeActivities: Number(row.n),
    }),
  );
}

@Resolver(() => CoverageCell)
export class CoverageResolver {
  @Query(() => [CoverageCell], {
    description: 'The coverage matrix: area x target group (x theme) cells with their active activities; gapsOnly for the empty ones.',
  })
  coverage(
    @Ctx() { em, viewer }: HubContext,
    @Arg('filter', () => CoverageFilter, { nullable: true, description: 'Rows, columns, date and gaps.' }) filter?: CoverageFilter | null,
  ) {
    return coverage(em, viewer, filter);
  }

  @FieldResolver(() => Area, { description: 'The row: an area.' })
  async area(@Root() cell: CoverageCell, @Ctx() { loaders }: HubContext): Promise<Area> {
    return (await loaders.area.load(cell.areaId))!;
  }

  @FieldResolver(() => TargetGroup, { description: 'The column: a target group, its sub-groups counted.' })
  async targetGroup(@Root() cell: CoverageCell, @Ctx() { loaders }: HubContext): Promise<TargetGroup> {
    return (await loaders.targetGroup.load(cell.targetGroupId))!;
  }

  @FieldResolver(() => Theme, { nullable: true, description: 'The theme, when the matrix is split by themes.' })
  theme(@Root() cell: CoverageCell, @Ctx() { loaders }: HubContext): Promise<Theme | null> | null {
    return cell.themeId === null ? null : loaders.theme.load(cell.themeId);
  }
}
