import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { HubContext } from './context.js';
import { nodeEntities, type NodeTypeName } from './entities.js';
import { fromGlobalId } from './global-id.js';
import type { Loaders } from './loaders.js';
import { NodeEntity } from './node.js';
import { Activity } from '../activities/activity.entity.js';
import { experienceVisible, planVisible, seesEverything } from '../auth/visibility.js';
import { Evaluation, Indicator } from '../effect/effect.entity.js';
import { Experience } from '../experience/experience.entity.js';
import { ActionItem, Meeting } from '../governance/meeting.entity.js';
import { SteeringGroup } from '../governance/steering-group.entity.js';
import { Plan } from '../plans/plan.entity.js';

/** The plan an object belongs to, if any: what a reader may not see of a DRAFT plan, they may not open either. */
async function planIdOf(found: NodeEntity, loaders: Loaders): Promise<number | null> {
  const ofActivity = async (id: number | undefined) => (id ? ((await loaders.activity.load(id))?.plan.id ?? null) : null);
  const ofGroup = async (id: number) => (await loaders.steeringGroup.load(id))?.plan?.id ?? null;
  if (found instanceof Plan) return found.id;
  if (found instanceof Activity) return found.plan.id;
  if (found instanceof Experience || found instanceof Evaluation) return ofActivity(found.activity?.id);
  if (found instanceof Indicator) return found.plan?.id ?? ofActivity(found.activity?.id);
  if (found instanceof SteeringGroup) return found.plan?.id ?? null;
  if (found instanceof Meeting) return ofGroup(found.steeringGroup.id);
  if (found instanceof ActionItem) {
    const meeting = await loaders.meeting.load(found.meeting.id);
    return meeting ? ofGroup(meeting.steeringGroup.id) : null;
  }
  return null;
}

const loaderOf: Record<NodeTypeName, keyof Loaders> = {
  Area: 'area',
  Organisation: 'organisation',
  Person: 'person',
  Theme: 'theme',
  TargetGroup: 'targetGroup',
  Method: 'method',
  Plan: 'plan',
  Activity: 'activity',
  SteeringGroup: 'steeringGroup',
  User: 'user',
  Experience: 'experience',
  Indicator: 'indicator',
  Evaluation: 'evaluation',
  Meeting: 'meeting',
  ActionItem: 'actionItem',
};

@Resolver()
export class NodeResolver {
  @Query(() => NodeEntity, { nullable: true, description: 'The object with this global id; null for unknown or malformed ids.' })
  async node(@Ctx() { loaders, viewer }: HubContext, @Arg('id', () => ID, { description: 'A global id.' }) id: string) {
    const decoded = fromGlobalId(id);
    if (!decoded || !Object.hasOwn(nodeEntities, decoded.type)) return null;
    const loader = loaders[loaderOf[decoded.type as NodeTypeName]] as { load(id: number): Promise<NodeEntity | null> };
    const found = await loader.load(decoded.id);
    // The same visibility rules as the lists: what a viewer may not list, they may not open by id either.
    if (!found || seesEverything(viewer)) return found;
    if (found instanceof Experience && !experienceVisible(viewer, found)) return null;
    const planId = await planIdOf(found, loaders);
    const plan = planId === null ? null : await loaders.plan.load(planId);
    return plan && !planVisible(viewer, plan) ? null : found;
  }
}
