import { readModelOf } from '../core/read-model.js';
import { byArguments } from '../core/loader-kit.js';
import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { Activity } from '../activities/activity.entity.js';
import { prefixQuery } from '../activities/activity.query.js';
import { recordAudit } from '../core/audit-trail.js';
import { mayEditPlan, requireMutation } from '../access/permissions.js';
import { Method } from '../catalogue/method.entity.js';
import { visibleActivityIdSql } from '../access/visibility.js';
import type { HubContext, Viewer } from '../core/context.js';
import { Role } from '../core/enums.js';
import { expectIds, toGlobalId } from '../core/global-id.js';
import { InputChecker, MAX_TEXT, MAX_TITLE, runMutation } from '../core/mutation.js';
import { decodeCursor, pageSize, toPage, type Page } from '../core/pagination.js';
import { Conditions, descendantsSql, pgArray, rows } from '../core/sql.js';
import { refuse, UserErrorCode, message } from '../core/user-errors.js';
import { Experience } from './experience.entity.js';
import type { CreateExperienceInput, ExperienceFilter } from './experience.input.js';

/** Readers (and the newsletter) see publishable experiences only. */
export const publishableOnly = (viewer: Viewer | null) => !viewer || viewer.role === Role.READER;

const COLUMNS = 'e.id, e.title, e.body, e.outcome, e.recommendation, e.activity_id, e.method_id, e.author_id, e.created_by_id, e.publishable, e.created_at';

/** The experiences (alias e) a filter keeps for this viewer: readers see publishable ones of visible activities only. */
export function experienceConditions(viewer: Viewer | null, filter: ExperienceFilter): Conditions {
  const where = new Conditions();
  if (publishableOnly(viewer)) where.add('e.publishable');
  where.add(visibleActivityIdSql(viewer, 'e.activity_id'));
  const methodIds = expectIds(filter.methodIds, 'Method', 'filter.methodIds');
  if (methodIds) where.add('e.method_id = any(?::int[])', pgArray(methodIds));
  const groupIds = expectIds(filter.targetGroupIds, 'TargetGroup', 'filter.targetGroupIds');
  if (groupIds) {
    where.add(
      `exists (select 1 from activity_target_group tg where tg.activity_id = e.activity_id and tg.target_group_id in (${descendantsSql('target_group')}))`,
      pgArray(groupIds),
    );
  }
  const themeIds = expectIds(filter.themeIds, 'Theme', 'filter.themeIds');
  if (themeIds) where.add('exists (select 1 from activity_theme t where t.activity_id = e.activity_id and t.theme_id = any(?::int[]))', pgArray(themeIds));
  if (filter.outcome) where.add('e.outcome = any(?::text[])', pgArray(filter.outcome));
  const query = filter.text ? prefixQuery(filter.text) : undefined;
  if (query) where.add("e.search_vector @@ to_tsquery('hub_danish', ?)", query);
  return where;
}

/** experiences(first, after, filter): newest first. */
export async function listExperiences(
  ctx: HubContext,
  args: { first?: number | null; after?: string | null; filter?: ExperienceFilter | null },
): Promise<Page<Experience>> {
  const first = pageSize(args.first);
  const afterId = decodeCursor(args.after, ['number'])?.[0] as number | undefined;
  const where = experienceConditions(ctx.viewer, args.filter ?? {});
  const count = async () => Number((await rows(ctx.em, `select count(*)::int as total from experience e where ${where.toSql()}`, where.params))[0]?.total ?? 0);
  const page = await rows(ctx.em, `select ${COLUMNS} from experience e where ${where.toSql()} and e.id < ? order by e.id desc limit ?`, [
    ...where.params,
    afterId ?? 2 ** 31 - 1,
    first + 1,
  ]);
  const items = page.map((row) => readModelOf(ctx.em, Experience)(row));
  return toPage(items, first, count, afterId !== undefined, (e) => [e.id]);
}

/** Experiences of many activities or methods in one statement, newest first. */
export function experiencesLoader(em: EntityManager, column: 'activity_id' | 'method_id', publishable: boolean) {
  return new DataLoader<number, Experience[]>(async (ids) => {
    const result = await rows(
      em,
      `select ${COLUMNS} from experience e where e.${column} = any(?::int[]) ${publishable ? `and e.publishable and ${visibleActivityIdSql(null, 'e.activity_id')}` : ''} order by e.id desc`,
      [pgArray(ids)],
    );
    const byOwner = new Map<number, Experience[]>(ids.map((id) => [id, []]));
    for (const row of result) byOwner.get(Number(row[column]))?.push(readModelOf(em, Experience)(row));
    return ids.map((id) => byOwner.get(id)!);
  });
}

type MethodPageKey = { ownerId: number; first: number; afterId: number | undefined };

/** Pages of many methods' experiences in one statement, newest first, first+1 rows each by index (LATERAL ... LIMIT). */
export function methodExperiencePagesLoader(em: EntityManager, publishable: boolean) {
  const condition = publishable ? `and e.publishable and ${visibleActivityIdSql(null, 'e.activity_id')}` : '';
  const pages = byArguments<MethodPageKey, Experience[]>(
    (key) => [key.first, key.afterId ?? null],
    async (ownerIds, { first, afterId }) => {
      const result = await rows(
        em,
        `select page.* from unnest(?::int[]) as owner(id) cross join lateral (
           select ${COLUMNS} from experience e where e.method_id = owner.id ${condition} and e.id < ? order by e.id desc limit ?
         ) page
         order by page.method_id, page.id desc`,
        [pgArray(ownerIds), afterId ?? 2 ** 31 - 1, first + 1],
      );
      const toModel = readModelOf(em, Experience);
      const byOwner = new Map<number, Experience[]>();
      for (const row of result) {
        const owner = Number(row.method_id);
        const page = byOwner.get(owner);
        if (page) page.push(toModel(row));
        else byOwner.set(owner, [toModel(row)]);
      }
      return byOwner;
    },
    [],
  );
  const counts = byArguments<{ ownerId: number }, number>(
    () => [],
    async (ownerIds) => {
      const result = await rows(
        em,
        `select e.method_id as owner, count(*)::int as total from experience e where e.method_id = any(?::int[]) ${condition} group by 1`,
        [pgArray(ownerIds)],
      );
      return new Map(result.map((row) => [Number(row.owner), Number(row.total)]));
    },
    0,
  );
  return { pages, counts };
}

/** A page of one method's experiences, batched with its siblings; the count only when asked. */
export async function methodExperiencePage(
  loaders: ReturnType<typeof methodExperiencePagesLoader>,
  methodId: number,
  first?: number | null,
  after?: string | null,
) {
  const size = pageSize(first);
  const afterId = decodeCursor(after, ['number'])?.[0] as number | undefined;
  const items = await loaders.pages.load({ ownerId: methodId, first: size, afterId });
  return toPage(
    items,
    size,
    () => loaders.counts.load({ ownerId: methodId }),
    afterId !== undefined,
    (e) => [e.id],
  );
}

export function createExperience(ctx: HubContext, input: CreateExperienceInput) {
  return runMutation(ctx, { experience: null as Experience | null }, async (tx) => {
    const viewer = requireMutation(ctx.viewer, 'createExperience');
    const check = new InputChecker(tx);
    const title = check.text(['input', 'title'], input.title, { required: true, max: MAX_TITLE });
    const body = check.text(['input', 'body'], input.body, { required: true, max: MAX_TEXT });
    const recommendation = check.text(['input', 'recommendation'], input.recommendation, { max: MAX_TEXT });
    const activity = await check.ref(['input', 'activityId'], input.activityId, Activity);
    let method = await check.ref(['input', 'methodId'], input.methodId, Method);
    if (!input.activityId && !input.methodId)
      check.problems.add(
        [],
        UserErrorCode.INVALID,
        message('Name the activity or the method the experience concerns', 'Vælg den aktivitet eller metode, erfaringen handler om'),
      );
    check.check();
    // A project lead speaks for their own plans: a lesson on a method alone, across plans, is the coordinators' to record.
    if (viewer.role === Role.PROJECT_LEAD && !activity) {
      refuse(
        ['input', 'activityId'],
        UserErrorCode.FORBIDDEN,
        message(
          'As a project lead, name the activity of your plans that the experience comes from',
          'Som projektleder skal du vælge den aktivitet i dine helhedsplaner, erfaringen kommer fra',
        ),
      );
    }
    if (activity && !mayEditPlan(viewer, activity.plan.id)) {
      refuse(
        ['input', 'activityId'],
        UserErrorCode.FORBIDDEN,
        message('You may only record experiences on activities of your own plans', 'Du kan kun skrive erfaringer om aktiviteter i dine egne helhedsplaner'),
      );
    }
    if (!method && activity?.method) method = await tx.findOneOrFail(Method, activity.method.id);
    const experience = tx.create(Experience, {
      title: title!,
      body: body!,
      outcome: input.outcome,
      recommendation,
      activity,
      method,
      author: viewer.personId,
      createdBy: viewer.userId,
      publishable: input.publishable ?? false,
    });
    await tx.flush();
    recordAudit(tx, viewer, 'createExperience', { type: 'Experience', id: experience.id }, null, {
      title: experience.title,
      outcome: experience.outcome,
      activity: activity ? toGlobalId('Activity', activity.id) : null,
      method: method ? toGlobalId('Method', method.id) : null,
      publishable: experience.publishable,
    });
    return { experience };
  });
}
