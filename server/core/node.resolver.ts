import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { HubContext } from './context.js';
import { nodeEntities, type NodeTypeName } from './entities.js';
import { fromGlobalId } from './global-id.js';
import type { Loaders } from './loaders.js';
import { NodeEntity } from './node.js';

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
  async node(@Ctx() { loaders }: HubContext, @Arg('id', () => ID, { description: 'A global id.' }) id: string) {
    const decoded = fromGlobalId(id);
    if (!decoded || !Object.hasOwn(nodeEntities, decoded.type)) return null;
    const loader = loaders[loaderOf[decoded.type as NodeTypeName]] as { load(id: number): Promise<NodeEntity | null> };
    return loader.load(decoded.id);
  }
}
