import { readModelOf } from '../core/read-model.js';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { recordAudit } from '../core/audit-trail.js';
import { mayEditPlan, requireMutation, type MutationName } from '../access/permissions.js';
import { visiblePlanIdSql } from '../access/visibility.js';
import type { HubContext, Viewer } from '../core/context.js';
import { today } from '../core/dates.js';
import { badInput } from '../core/errors.js';
import { Role } from '../core/enums.js';
import { expectId, expectIds, toGlobalId } from '../core/global-id.js';
import { groupedLoader } from '../core/loader-kit.js';
import { InputChecker, MAX_TEXT, MAX_TITLE, runMutation } from '../core/mutation.js';
import { Conditions, pgArray } from '../core/sql.js';
import { refuse, UserErrorCode, message } from '../core/user-errors.js';
import { Person } from '../people/person.entity.js';
import { Plan } from '../plans/plan.entity.js';
import type { CompleteActionItemInput, CreateSteeringGroupInput, RecordMeetingInput } from './governance.input.js';
import { ActionItem, ActionItemStatus, Meeting } from './meeting.entity.js';
import { SteeringGroup, SteeringGroupMember } from './steering-group.entity.js';

/** Coordinators for every group; project leads for the groups of their own plans. */
function requireGroupRights(mutation: MutationName, viewerOrNull: Viewer | null, planId: number | null, field: string[]): Viewer {
  const viewer = requireMutation(viewerOrNull, mutation);
  if (viewer.role === Role.PROJECT_LEAD && (planId === null || !mayEditPlan(viewer, planId))) {
    refuse(
      field,
      UserErrorCode.FORBIDDEN,
      message('You may only change the steering group of your own plans', 'Du kan kun ændre styregruppen for dine egne helhedsplaner'),
    );
  }
  return viewer;
}

export const meetingsLoader = (em: EntityManager) =>
  groupedLoader(
    em,
    Meeting,
    'select t.steering_group_id as __owner, t.* from meeting t where t.steering_group_id = any(?::int[]) order by t.date desc, t.id desc',
  );
export const actionItemsLoader = (em: EntityManager) =>
  groupedLoader(em, ActionItem, 'select t.meeting_id as __owner, t.* from action_item t where t.meeting_id = any(?::int[]) order by t.due_date, t.id');

/** actionItems' arguments. */
export interface ActionItemArgs {
  overdue?: boolean | null;
  steeringGroupId?: string | null;
  planIds?: readonly string[] | null;
  status?: ActionItemStatus | null;
}

/** The most plans one actionItems call names. */
export const MAX_ACTION_ITEM_PLANS = 200;

/** The follow-ups (alias a, their meeting m) the arguments keep for this viewer; overdue means open with a due date before today. */
export function actionItemConditions(viewer: Viewer | null, args: ActionItemArgs): Conditions {
  const where = new Conditions();
  const planOf = '(select sg.plan_id from steering_group sg where sg.id = m.steering_group_id)';
  where.add(visiblePlanIdSql(viewer, planOf));
  if (args.overdue === true) where.add("a.status = 'OPEN' and a.due_date < ?::date", today());
  if (args.overdue === false) where.add("not (a.status = 'OPEN' and a.due_date < ?::date)", today());
  if (args.steeringGroupId) where.add('m.steering_group_id = ?', expectId(args.steeringGroupId, 'SteeringGroup', 'steeringGroupId'));
  if (args.planIds) {
    if (args.planIds.length > MAX_ACTION_ITEM_PLANS) throw badInput(`planIds: at most ${MAX_ACTION_ITEM_PLANS} plans`, { argument: 'planIds' });
    where.add(`${planOf} = any(?::int[])`, pgArray(expectIds(args.planIds, 'Plan', 'planIds')!));
  }
  if (args.status) where.add('a.status = ?', args.status);
  return where;
}

/** The most follow-ups actionItems lists. */
export const MAX_ACTION_ITEMS = 1000;

/** actionItems(overdue, steeringGroupId, planIds, status): by due date. */
export async function listActionItems(em: EntityManager, viewer: Viewer | null, args: ActionItemArgs): Promise<ActionItem[]> {
  const where = actionItemConditions(viewer, args);
  const result = (await em.execute(
    `select a.* from action_item a join meeting m on m.id = a.meeting_id where ${where.toSql()} order by a.due_date, a.id limit ${MAX_ACTION_ITEMS}`,
    where.params,
  )) as Record<string, unknown>[];
  return result.map((row) => readModelOf(em, ActionItem)(row));
}

export function createSteeringGroup(ctx: HubContext, input: CreateSteeringGroupInput) {
  return runMutation(
    ctx,
    { steeringGroup: null as SteeringGroup | null },
    async (tx) => {
      requireMutation(ctx.viewer, 'createSteeringGroup');
      const check = new InputChecker(tx);
      const name = check.text(['input', 'name'], input.name, { required: true, max: MAX_TITLE });
      const plan = await check.ref(['input', 'planId'], input.planId, Plan);
      const people = await check.refs(
        ['input', 'members'],
        (input.members ?? []).map((m) => m.personId),
        Person,
      );
      const seen = new Set<string>();
      (input.members ?? []).forEach((member, i) => {
        if (seen.has(member.personId))
          check.problems.add(
            ['input', 'members', i, 'personId'],
            UserErrorCode.INVALID,
            message('The person is a member already', 'Personen er allerede medlem'),
          );
        seen.add(member.personId);
        check.text(['input', 'members', i, 'role'], member.role, { max: MAX_TITLE });
      });
      check.check();
      const viewer = requireGroupRights('createSteeringGroup', ctx.viewer, plan?.id ?? null, ['input', 'planId']);
      if (plan && (await tx.count(SteeringGroup, { plan: plan.id }))) {
        refuse(
          ['input', 'planId'],
          UserErrorCode.DUPLICATE,
          message(`"${plan.name}" has a steering group already`, `"${plan.name}" har allerede en styregruppe`),
        );
      }
      const group = tx.create(SteeringGroup, { name: name!, plan });
      const byId = new Map(people.map((p) => [p.globalId, p]));
      for (const member of input.members ?? []) {
        tx.create(SteeringGroupMember, { steeringGroup: group, person: byId.get(member.personId)!, role: member.role?.trim() || null });
      }
      await tx.flush();
      recordAudit(tx, viewer, 'createSteeringGroup', { type: 'SteeringGroup', id: group.id }, null, {
        name: group.name,
        plan: plan ? toGlobalId('Plan', plan.id) : null,
        members: (input.members ?? []).map((m) => ({ person: m.personId, role: m.role ?? null })),
      });
      return { steeringGroup: group };
    },
    { field: ['input', 'planId'], message: message('The plan has a steering group already', 'Helhedsplanen har allerede en styregruppe') },
  );
}

/** Agenda points, decisions and follow-ups one meeting may record. */
const MEETING_LINES = 50;

export function recordMeeting(ctx: HubContext, input: RecordMeetingInput) {
  return runMutation(ctx, { meeting: null as Meeting | null }, async (tx) => {
    requireMutation(ctx.viewer, 'recordMeeting');
    const check = new InputChecker(tx);
    const group = await check.ref(['input', 'steeringGroupId'], input.steeringGroupId, SteeringGroup);
    const minutes = check.text(['input', 'minutes'], input.minutes, { max: MAX_TEXT });
    const lines = (field: 'agenda' | 'decisions') =>
      check.count(['input', field], input[field], MEETING_LINES)
        ? (input[field] ?? []).flatMap((line, i) => check.text(['input', field, i], line, { required: true, max: 1000 }) ?? [])
        : [];
    const agenda = lines('agenda');
    const decisions = lines('decisions');
    const items = check.count(['input', 'actionItems'], input.actionItems, MEETING_LINES) ? (input.actionItems ?? []) : [];
    const owners = await Promise.all(items.map((item, i) => check.ref(['input', 'actionItems', i, 'ownerId'], item.ownerId, Person)));
    const descriptions = items.map((item, i) => check.text(['input', 'actionItems', i, 'description'], item.description, { required: true, max: MAX_TEXT }));
    items.forEach((item, i) => {
      if (item.dueDate < input.date)
        check.problems.add(
          ['input', 'actionItems', i, 'dueDate'],
          UserErrorCode.INVALID,
          message('A follow-up cannot be due before the meeting', 'Et opfølgningspunkt kan ikke have frist før mødet'),
        );
    });
    check.check();
    const viewer = requireGroupRights('recordMeeting', ctx.viewer, group!.plan?.id ?? null, ['input', 'steeringGroupId']);
    const meeting = tx.create(Meeting, { steeringGroup: group!, date: input.date, agenda, minutes, decisions });
    items.forEach((item, i) => tx.create(ActionItem, { meeting, description: descriptions[i]!, owner: owners[i], dueDate: item.dueDate }));
    await tx.flush();
    recordAudit(tx, viewer, 'recordMeeting', { type: 'Meeting', id: meeting.id }, null, {
      steeringGroup: toGlobalId('SteeringGroup', group!.id),
      date: input.date,
      agenda,
      minutes,
      decisions,
      actionItems: items.map((item, i) => ({ description: descriptions[i], owner: item.ownerId ?? null, dueDate: item.dueDate })),
    });
    return { meeting };
  });
}

export function completeActionItem(ctx: HubContext, input: CompleteActionItemInput) {
  return runMutation(ctx, { actionItem: null as ActionItem | null }, async (tx) => {
    requireMutation(ctx.viewer, 'completeActionItem');
    const check = new InputChecker(tx);
    const found = await check.ref(['input', 'id'], input.id, ActionItem);
    check.check();
    // Row lock: of concurrent completions, the first sets DONE and the others see it.
    const item = await tx.findOneOrFail(ActionItem, found!.id, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
    const meeting = await tx.findOneOrFail(Meeting, item.meeting.id);
    const group = await tx.findOneOrFail(SteeringGroup, meeting.steeringGroup.id);
    const viewer = requireGroupRights('completeActionItem', ctx.viewer, group.plan?.id ?? null, ['input', 'id']);
    if (item.status === ActionItemStatus.DONE)
      refuse(['input', 'id'], UserErrorCode.INVALID, message('The follow-up is done already', 'Opfølgningspunktet er allerede udført'));
    item.status = ActionItemStatus.DONE;
    item.completedAt = new Date();
    await tx.flush();
    recordAudit(tx, viewer, 'completeActionItem', { type: 'ActionItem', id: item.id }, { status: 'OPEN' }, { status: 'DONE' });
    return { actionItem: item };
  });
}
