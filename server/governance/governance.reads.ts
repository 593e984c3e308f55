import { byForeignKey, byOwner, type TypeReads } from '../core/reads.js';

export const governanceReads: TypeReads = {
  Plan: {
    fields: {
      steeringGroup: { kind: 'one', source: (c) => ({ from: `steering_group ${c.t}`, where: `${c.t}.plan_id = ${c.parent}.id`, orderBy: `${c.t}.id` }) },
    },
  },
  SteeringGroup: {
    node: 'SteeringGroup',
    columns: ['name'],
    fields: {
      plan: byForeignKey('plan', 'plan_id'),
      members: byOwner('steering_group_member', 'steering_group_id', (t) => `${t}.id`),
      meetings: byOwner('meeting', 'steering_group_id', (t) => `${t}.date desc, ${t}.id desc`),
    },
  },
  SteeringGroupMember: { columns: ['role'], fields: { person: byForeignKey('person', 'person_id') } },
  Meeting: {
    node: 'Meeting',
    columns: ['date', 'agenda', 'decisions', 'minutes'],
    fields: {
      steeringGroup: byForeignKey('steering_group', 'steering_group_id'),
      actionItems: byOwner('action_item', 'meeting_id', (t) => `${t}.due_date, ${t}.id`),
    },
  },
  ActionItem: {
    node: 'ActionItem',
    columns: ['description', 'dueDate', 'status', 'completedAt'],
    fields: { meeting: byForeignKey('meeting', 'meeting_id'), owner: byForeignKey('person', 'owner_id') },
  },
};
