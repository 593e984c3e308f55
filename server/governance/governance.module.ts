import { withReaderRedaction } from '../access/reader-redaction.js';
import type { HubModule } from '../core/module.js';
import { byIdLoader, groupedLoader } from '../core/loader-kit.js';
import type { LoaderFactories, LoadersOf } from '../core/loaders.js';
import { nodeType } from '../core/node.resolver.js';
import { planOpenTo } from '../plans/plan.visibility.js';
import { ActionItemResolver, MeetingResolver } from './governance.resolver.js';
import { actionItemsLoader, meetingsLoader } from './governance.service.js';
import { ActionItem, Meeting } from './meeting.entity.js';
import { SteeringGroup, SteeringGroupMember } from './steering-group.entity.js';
import { PlanSteeringGroupResolver, SteeringGroupMemberResolver, SteeringGroupResolver } from './steering-group.resolver.js';
import { governanceReads } from './governance.reads.js';

const loaders = {
  steeringGroup: (em) => byIdLoader(em, SteeringGroup),
  meeting: (em) => byIdLoader(em, Meeting),
  actionItem: (em) => byIdLoader(em, ActionItem),
  planSteeringGroups: (em) => groupedLoader(em, SteeringGroup, 'select t.plan_id as __owner, t.* from steering_group t where t.plan_id = any(?::int[])'),
  steeringGroupMeetings: (em) => meetingsLoader(em),
  meetingActionItems: (em) => actionItemsLoader(em),
  steeringGroupMembers: (em) =>
    groupedLoader(
      em,
      SteeringGroupMember,
      'select t.steering_group_id as __owner, t.* from steering_group_member t where t.steering_group_id = any(?::int[]) order by t.id',
    ),
} satisfies LoaderFactories;

declare module '../core/context.js' {
  interface HubLoaders extends LoadersOf<typeof loaders> {}
}

export const governanceModule: HubModule = {
  name: 'governance',
  reads: governanceReads,
  // Free text a lead may have written a phone number or an e-mail address into.
  schemaTransforms: [withReaderRedaction(['Meeting.agenda', 'Meeting.minutes', 'Meeting.decisions', 'ActionItem.description'])],
  resolvers: [SteeringGroupResolver, SteeringGroupMemberResolver, PlanSteeringGroupResolver, MeetingResolver, ActionItemResolver],
  entities: [SteeringGroup, SteeringGroupMember, Meeting, ActionItem],
  loaders,
  nodes: [
    nodeType({ entity: SteeringGroup, loader: (l) => l.steeringGroup, visible: (ctx, group) => planOpenTo(ctx, group.plan?.id) }),
    nodeType({
      entity: Meeting,
      loader: (l) => l.meeting,
      visible: async (ctx, meeting) => planOpenTo(ctx, (await ctx.loaders.steeringGroup.load(meeting.steeringGroup.id))?.plan?.id),
    }),
    nodeType({
      entity: ActionItem,
      loader: (l) => l.actionItem,
      visible: async (ctx, item) => {
        const meeting = await ctx.loaders.meeting.load(item.meeting.id);
        const group = meeting && (await ctx.loaders.steeringGroup.load(meeting.steeringGroup.id));
        return planOpenTo(ctx, group?.plan?.id);
      },
    }),
  ],
};
