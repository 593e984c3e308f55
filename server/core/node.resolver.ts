import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { HubContext } from './context.js';
import { nodeEntities, type NodeTypeName } from './entities.js';
import { fromGlobalId } from './global-id.js';
import type { Loaders } from './loaders.js';
import { NodeEntity } from './node.js';
import { Activity } from '../activities/activity.entity.js';
import { experienceVisible, planVisible, seesEverything } from '../auth/visibility.js';
import { Experience } from '../experience/experience.entity.js';
import { Plan } from '../plans/plan.entity.js';

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
    if (found instanceof Experience) return experienceVisible(viewer, found) ? found : null;
    if (found instanceof Plan) return planVisible(viewer, found) ? found : null;
    if (found instanceof Activity) return planVisible(viewer, (await loaders.plan.load(found.plan.id))!) ? found : null;
    return found;
  }
}
