import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Area } from '../areas/area.entity.js';
import { recordAudit, type Snapshot } from '../core/audit-trail.js';
import { requireMutation, requirePlan } from '../access/permissions.js';
import { Method } from '../catalogue/method.entity.js';
import { TargetGroup } from '../catalogue/target-group.entity.js';
import { Theme } from '../catalogue/theme.entity.js';
import type { HubContext, Viewer } from '../core/context.js';
import { ActivityStatus, Weekday, DANISH_WEEKDAYS } from '../core/enums.js';
import { fromGlobalId, toGlobalId } from '../core/global-id.js';
import { InputChecker, MAX_TEXT, MAX_TITLE, runMutation, type Path } from '../core/mutation.js';
import { refuse, UserErrorCode, message } from '../core/user-errors.js';
import { Organisation } from '../organisations/organisation.entity.js';
import { Person } from '../people/person.entity.js';
import { Plan } from '../plans/plan.entity.js';
import { Activity, MAX_REFERENCE } from './activity.entity.js';
import { activityWrites } from './activity.hooks.js';
import type { ArchiveActivityInput, CreateActivityInput, UpdateActivityInput } from './activity.input.js';
import type { ScheduleSlotData } from './schedule.js';

const WEEK = Object.values(Weekday);
/**
 * What one activity may list: a real activity stays far below (a citywide one names the municipality, not
 * every estate); beyond these it is a mistake, and its overlap refresh would be unbounded.
 */
export const ACTIVITY_CAPS = { areas: 25, targetGroups: 10, themes: 10, partners: 20, slots: 21, capacity: 100_000 };
/** A review decided on whom, where, when and how two activities work; changing any of these reopens the pair. */
export const REVIEWED_FIELDS = ['targetGroups', 'areas', 'startDate', 'endDate', 'method'];
/** A payload; `similarTo` names the activity whose similar activities the payload lists (for create and update). */
const EMPTY = { activity: null as Activity | null, similarTo: undefined as number | undefined };
/** Two writers giving one reference at once: the second is told as if it had checked first. */
const REFERENCE_TAKEN = {
  field: ['input', 'reference'],
  message: message('Another activity of the plan has this reference', 'En anden aktivitet i helhedsplanen har denne reference'),
};
/** Weekdays as Danish messages name them. */
const DAY: Record<string, string> = DANISH_WEEKDAYS;

/** Weekly slots as stored: HH:mm, each ending after it starts, no slot twice, in week order. */
function checkSchedule(check: InputChecker, path: Path, slots: readonly ScheduleSlotData[]): ScheduleSlotData[] {
  if (!check.count(path, slots, ACTIVITY_CAPS.slots)) return [];
  const seen = new Set<string>();
  const result = slots.map((slot, i) => {
    const clean = { weekday: slot.weekday, startTime: slot.startTime.slice(0, 5), endTime: slot.endTime.slice(0, 5) };
    if (clean.endTime <= clean.startTime) {
      check.problems.add(
        [...path, i, 'endTime'],
        UserErrorCode.INVALID,
        message(
          `The slot on ${clean.weekday} ends (${clean.endTime}) before it starts (${clean.startTime})`,
          `Tidsrummet ${DAY[clean.weekday] ?? clean.weekday} slutter (${clean.endTime}), før det begynder (${clean.startTime})`,
        ),
      );
    }
    const key = `${clean.weekday} ${clean.startTime}-${clean.endTime}`;
    if (seen.has(key))
      check.problems.add(
        [...path, i],
        UserErrorCode.INVALID,
        message(`The slot ${key} is given twice`, `Tidsrummet ${DAY[clean.weekday] ?? clean.weekday} ${clean.startTime}-${clean.endTime} står to gange`),
      );
    seen.add(key);
    return clean;
  });
  const sorted = result.sort((a, b) => WEEK.indexOf(a.weekday) - WEEK.indexOf(b.weekday) || a.startTime.localeCompare(b.startTime));
  sorted.forEach((slot, i) => {
    const before = sorted[i - 1];
    if (
      before &&
      before.weekday === slot.weekday &&
      slot.startTime < before.endTime &&
      `${before.startTime}-${before.endTime}` !== `${slot.startTime}-${slot.endTime}`
    ) {
      check.problems.add(
        path,
        UserErrorCode.INVALID,
        message(
          `The slots on ${slot.weekday} overlap: ${before.startTime}-${before.endTime} and ${slot.startTime}-${slot.endTime}`,
          `Tidsrummene ${DAY[slot.weekday] ?? slot.weekday} overlapper: ${before.startTime}-${before.endTime} og ${slot.startTime}-${slot.endTime}`,
        ),
      );
    }
  });
  return sorted;
}

/** A create input as a retry must repeat it: every field but the key, lists of ids in any order. */
function inputFingerprint(input: CreateActivityInput): string {
  const { idempotencyKey: _key, ...rest } = input;
  const normal = Object.fromEntries(
    Object.entries(rest)
      .filter(([, value]) => value !== undefined && value !== null)
      .map(([name, value]) => [name, Array.isArray(value) && value.every((v) => typeof v === 'string') ? [...value].sort() : value])
      .sort(([a], [b]) => String(a).localeCompare(String(b))),
  );
  return createHash('sha256').update(JSON.stringify(normal)).digest('hex');
}

const ids = (type: string, items: { id: number }[]) => items.map((item) => toGlobalId(type, item.id)).sort();

/** What the audit log records of an activity; references as global ids. */
export function activitySnapshot(activity: Activity): Snapshot {
  return {
    plan: toGlobalId('Plan', activity.plan.id),
    title: activity.title,
    description: activity.description ?? null,
    method: activity.method ? toGlobalId('Method', activity.method.id) : null,
    themes: ids('Theme', activity.themes.getItems()),
    targetGroups: ids('TargetGroup', activity.targetGroups.getItems()),
    areas: ids('Area', activity.areas.getItems()),
    partners: ids('Organisation', activity.partners.getItems()),
    contact: activity.contact ? toGlobalId('Person', activity.contact.id) : null,
    status: activity.status,
    startDate: activity.startDate,
    endDate: activity.endDate ?? null,
    schedule: activity.schedule,
    capacity: activity.capacity ?? null,
    archived: activity.archived,
    reference: activity.reference ?? null,
  };
}

/** A plan's reference names one activity of the plan: DUPLICATE when another has it. */
export async function checkReferenceFree(check: InputChecker, path: Path, planId: number, reference: string | null, activityId?: number): Promise<void> {
  if (!reference) return;
  const taken = await check.em.findOne(Activity, { plan: planId, reference, ...(activityId ? { id: { $ne: activityId } } : {}) });
  if (taken)
    check.problems.add(
      path,
      UserErrorCode.DUPLICATE,
      message(
        `Another activity of the plan ("${taken.title}") has the reference "${reference}"`,
        `En anden aktivitet i helhedsplanen ("${taken.title}") har referencen "${reference}"`,
      ),
    );
}

/** The activity as the overlap store just left it (its inferred method), without a change to flush. */
async function readInference(tx: EntityManager, activity: Activity): Promise<void> {
  await tx.refresh(activity);
}

/** The ids of one type among input ids, as far as they can name a row; the rest is refused when checked. */
function decodedIds(ids: readonly string[], type: string): number[] {
  return ids
    .slice(0, ACTIVITY_CAPS.areas)
    .map(fromGlobalId)
    .filter((d) => d?.type === type && d.id <= 2 ** 31 - 1)
    .map((d) => d!.id);
}

/**
 * The activity behind an input id, locked for this transaction with its part of the city (and the areas it is
 * about to get), after the caller's right to change it is checked.
 */
async function lockForChange(tx: EntityManager, viewer: Viewer, id: string, expectedVersion: number, newAreaIds: readonly string[] = []): Promise<Activity> {
  const decoded = fromGlobalId(id);
  if (!decoded || decoded.type !== 'Activity')
    refuse(['input', 'id'], UserErrorCode.INVALID, message(`"${id}" is not the id of an Activity`, `"${id}" er ikke id'et på en aktivitet`));
  // Row lock: of two concurrent changes with the same expectedVersion, the second sees the first's version.
  const exists = await activityWrites.lockActivity.run(tx, decoded.id, decodedIds(newAreaIds, 'Area'));
  const activity = exists ? await tx.findOne(Activity, decoded.id, { refresh: true }) : null;
  if (!activity) refuse(['input', 'id'], UserErrorCode.NOT_FOUND, message(`No Activity has the id "${id}"`, 'Aktiviteten findes ikke (længere)'));
  const plan = await tx.findOneOrFail(Plan, activity.plan.id);
  requirePlan(viewer, plan.id, ['input', 'id'], plan.name);
  if (activity.version !== expectedVersion) {
    refuse(
      ['input', 'expectedVersion'],
      UserErrorCode.VERSION_CONFLICT,
      message(
        `The activity is at version ${activity.version}, not ${expectedVersion}: someone changed it since you read it. Reload it and apply your change again.`,
        'En anden har ændret aktiviteten, siden du åbnede den. Hent den nye version, og ret igen.',
      ),
    );
  }
  if (activity.archived)
    refuse(
      ['input', 'id'],
      UserErrorCode.INVALID,
      message('The activity is archived and can no longer be changed', 'Aktiviteten er arkiveret og kan ikke længere ændres'),
    );
  await tx.populate(activity, ['themes', 'targetGroups', 'areas', 'partners']);
  return activity;
}

export function createActivity(ctx: HubContext, input: CreateActivityInput) {
  return runMutation(
    ctx,
    EMPTY,
    async (tx) => {
      const viewer = requireMutation(ctx.viewer, 'createActivity');
      const check = new InputChecker(tx);
      const idempotencyKey = check.text(['input', 'idempotencyKey'], input.idempotencyKey, { max: 200 });
      const fingerprint = idempotencyKey ? inputFingerprint(input) : null;
      if (idempotencyKey) {
        // Concurrent retries with one key queue here; the first creates, the others find its activity.
        await tx.execute('select pg_advisory_xact_lock(?, hashtext(?))', [viewer.userId, idempotencyKey]);
        const first = await tx.findOne(Activity, { createdBy: viewer.userId, idempotencyKey });
        if (first && first.idempotencyFingerprint && first.idempotencyFingerprint !== fingerprint) {
          refuse(
            ['input', 'idempotencyKey'],
            UserErrorCode.INVALID,
            message(
              `The idempotency key "${idempotencyKey}" was used before for another activity ("${first.title}"); give a new activity a new key`,
              `Nøglen "${idempotencyKey}" er brugt før til en anden aktivitet ("${first.title}"); giv en ny aktivitet en ny nøgle`,
            ),
          );
        }
        if (first) return { ...EMPTY, activity: first };
      }
      const plan = await check.ref(['input', 'planId'], input.planId, Plan);
      check.check();
      requirePlan(viewer, plan!.id, ['input', 'planId'], plan!.name);
      const title = check.text(['input', 'title'], input.title, { required: true, max: MAX_TITLE });
      const description = check.text(['input', 'description'], input.description, { max: MAX_TEXT });
      const method = await check.ref(['input', 'methodId'], input.methodId, Method);
      const themes = await check.refs(['input', 'themeIds'], input.themeIds, Theme, { max: ACTIVITY_CAPS.themes });
      const targetGroups = await check.refs(['input', 'targetGroupIds'], input.targetGroupIds, TargetGroup, { min: 1, max: ACTIVITY_CAPS.targetGroups });
      const areas = await check.refs(['input', 'areaIds'], input.areaIds, Area, { min: 1, max: ACTIVITY_CAPS.areas });
      const partners = await check.refs(['input', 'partnerIds'], input.partnerIds, Organisation, { max: ACTIVITY_CAPS.partners });
      const capacity = check.atMost(['input', 'capacity'], input.capacity, ACTIVITY_CAPS.capacity);
      const contact = await check.ref(['input', 'contactId'], input.contactId, Person);
      const reference = check.text(['input', 'reference'], input.reference, { max: MAX_REFERENCE });
      await checkReferenceFree(check, ['input', 'reference'], plan!.id, reference);
      const schedule = checkSchedule(check, ['input', 'schedule'], input.schedule ?? []);
      check.ordered(input.startDate, input.endDate, 'dates');
      check.check();
      await activityWrites.lockAreas.run(
        tx,
        areas.map((area) => area.id),
      );
      const activity = tx.create(Activity, {
        plan: plan!,
        title: title!,
        description,
        method,
        contact,
        status: input.status ?? ActivityStatus.PLANNED,
        startDate: input.startDate,
        endDate: input.endDate ?? null,
        schedule,
        capacity,
        reference,
        createdBy: viewer.userId,
        idempotencyKey,
        idempotencyFingerprint: fingerprint,
      });
      activity.themes.set(themes);
      activity.targetGroups.set(targetGroups);
      activity.areas.set(areas);
      activity.partners.set(partners);
      await tx.flush();
      recordAudit(tx, viewer, 'createActivity', { type: 'Activity', id: activity.id }, null, activitySnapshot(activity));
      await activityWrites.changed.run(tx, [activity.id], { reopenReviews: false });
      await readInference(tx, activity);
      return { activity, similarTo: activity.id };
    },
    REFERENCE_TAKEN,
  );
}

export function updateActivity(ctx: HubContext, input: UpdateActivityInput) {
  return runMutation(
    ctx,
    EMPTY,
    async (tx) => {
      const viewer = requireMutation(ctx.viewer, 'updateActivity');
      const activity = await lockForChange(tx, viewer, input.id, input.expectedVersion, input.areaIds ?? []);
      const before = activitySnapshot(activity);
      const check = new InputChecker(tx);
      const cannotClear = (field: string) =>
        check.problems.add(['input', field], UserErrorCode.INVALID, message(`${field} cannot be cleared`, 'Feltet kan ikke tømmes'));

      if (input.title === null) cannotClear('title');
      else if (input.title !== undefined) activity.title = check.text(['input', 'title'], input.title, { required: true, max: MAX_TITLE })!;
      if (input.description !== undefined) activity.description = check.text(['input', 'description'], input.description, { max: MAX_TEXT });
      if (input.methodId !== undefined) activity.method = (await check.ref(['input', 'methodId'], input.methodId, Method)) as never;
      if (input.contactId !== undefined) activity.contact = (await check.ref(['input', 'contactId'], input.contactId, Person)) as never;
      if (input.themeIds !== undefined) activity.themes.set(await check.refs(['input', 'themeIds'], input.themeIds, Theme, { max: ACTIVITY_CAPS.themes }));
      if (input.partnerIds !== undefined) {
        activity.partners.set(await check.refs(['input', 'partnerIds'], input.partnerIds, Organisation, { max: ACTIVITY_CAPS.partners }));
      }
      if (input.targetGroupIds !== undefined) {
        activity.targetGroups.set(
          await check.refs(['input', 'targetGroupIds'], input.targetGroupIds, TargetGroup, { min: 1, max: ACTIVITY_CAPS.targetGroups }),
        );
      }
      if (input.areaIds !== undefined) {
        activity.areas.set(await check.refs(['input', 'areaIds'], input.areaIds, Area, { min: 1, max: ACTIVITY_CAPS.areas }));
      }
      if (input.status === null) cannotClear('status');
      else if (input.status !== undefined) activity.status = input.status;
      if (input.startDate === null) cannotClear('startDate');
      else if (input.startDate !== undefined) activity.startDate = input.startDate;
      if (input.endDate !== undefined) activity.endDate = input.endDate;
      if (input.schedule !== undefined) activity.schedule = checkSchedule(check, ['input', 'schedule'], input.schedule ?? []);
      if (input.capacity !== undefined) activity.capacity = check.atMost(['input', 'capacity'], input.capacity, ACTIVITY_CAPS.capacity);
      if (input.reference !== undefined) {
        activity.reference = check.text(['input', 'reference'], input.reference, { max: MAX_REFERENCE });
        await checkReferenceFree(check, ['input', 'reference'], activity.plan.id, activity.reference, activity.id);
      }
      check.ordered(activity.startDate, activity.endDate, 'dates');
      check.check();
      // Every change raises the version, also one that touches only the related lists.
      activity.updatedAt = new Date();
      await tx.flush();
      const after = activitySnapshot(activity);
      recordAudit(tx, viewer, 'updateActivity', { type: 'Activity', id: activity.id }, before, after);
      const reopenReviews = REVIEWED_FIELDS.some((field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]));
      await activityWrites.changed.run(tx, [activity.id], { reopenReviews });
      await readInference(tx, activity);
      return { activity, similarTo: activity.id };
    },
    REFERENCE_TAKEN,
  );
}

export function archiveActivity(ctx: HubContext, input: ArchiveActivityInput) {
  return runMutation(ctx, EMPTY, async (tx) => {
    const viewer = requireMutation(ctx.viewer, 'archiveActivity');
    const activity = await lockForChange(tx, viewer, input.id, input.expectedVersion);
    const before = activitySnapshot(activity);
    activity.archived = true;
    activity.updatedAt = new Date();
    await tx.flush();
    recordAudit(tx, viewer, 'archiveActivity', { type: 'Activity', id: activity.id }, before, activitySnapshot(activity));
    await activityWrites.changed.run(tx, [activity.id], { reopenReviews: false });
    return { ...EMPTY, activity };
  });
}
