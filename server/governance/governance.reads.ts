import { visiblePlanIdSql } from '../access/visibility.js';
import { byForeignKey, byOwner, type TypeReads } from '../core/reads.js';
import { actionItemConditions, MAX_ACTION_ITEMS, type ActionItemArgs } from './governance.service.js';

export const governanceReads: TypeReads = {
  Query: {
    fields: {
      actionItems: {
        kind: 'list',
        source: (c) => ({
          from: `(select a.* from action_item a join meeting m on m.id = a.meeting_id where ${actionItemConditions(c.scope.viewer, c.args as ActionItemArgs).toSqlWith(c.param)}) ${c.t}`,
          orderBy: `${c.t}.due_date, ${c.t}.id`,
          limit: MAX_ACTION_ITEMS,
        }),
      },
    },
  },
  Plan: {
    fields: {
      steeringGroup: { kind: 'one', source: (c) => ({ from: `steering_group ${c.t}`, where: `${c.t}.plan_id = ${c.parent}.id`, orderBy: `${c.t}.id` }) },
    },
  },
  SteeringGroup: {
    node: { table: 'steering_group', visible: (t, scope) => visiblePlanIdSql(scope.viewer, `${t}.plan_id`) },
    columns: ['name'],
    fields: {
      plan: byForeignKey('plan', 'plan_id'),
      members: byOwner('steering_group_member', 'steering_group_id', (t) => `${t}.id`),
      meetings: byOwner('meeting', 'steering_group_id', (t) => `${t}.date desc, ${t}.id desc`),
    },
  },
  SteeringGroupMember: { columns: ['role'], fields: { person: byForeignKey('person', 'person_id') } },
  Meeting: {
    node: {
      table: 'meeting',
      visible: (t, scope) => visiblePlanIdSql(scope.viewer, `(select g.plan_id from steering_group g where g.id = ${t}.steering_group_id)`),
    },
    columns: ['date', 'agenda', 'decisions', 'minutes'],
    fields: {
      steeringGroup: byForeignKey('steering_group', 'steering_group_id'),
      actionItems: byOwner('action_item', 'meeting_id', (t) => `${t}.due_date, ${t}.id`),
    },
  },
  ActionItem: {
    node: {
      table: 'action_item',
      visible: (t, scope) =>
        visiblePlanIdSql(scope.viewer, `(select g.plan_id from meeting m join steering_group g on g.id = m.steering_group_id where m.id = ${t}.meeting_id)`),
    },
    columns: ['description', 'dueDate', 'status', 'completedAt'],
    fields: { meeting: byForeignKey('meeting', 'meeting_id'), owner: byForeignKey('person', 'owner_id') },
  },
};
