import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { HubContext, HubLoaders } from './context.js';
import { fromGlobalId } from './global-id.js';
import { NodeEntity } from './node.js';

/** One type node(id) answers: how its objects load, and whether a viewer may open one (the same rule as its lists). */
export interface NodeType<T extends NodeEntity = NodeEntity> {
  /** The entity class; its name is the GraphQL type name and the global id's prefix. */
  entity: abstract new (...args: never[]) => T;
  loader(loaders: HubLoaders): { load(id: number): Promise<T | null> };
  visible?(ctx: HubContext, found: T): boolean | Promise<boolean>;
}

/** A node type, typed by its entity (a module lists its own). */
export const nodeType = <T extends NodeEntity>(type: NodeType<T>): NodeType => type as unknown as NodeType;

const registry = new Map<string, NodeType>();

/** Called once by the composition root with every module's node types. */
export function registerNodeTypes(types: readonly NodeType[]): void {
  for (const type of types) {
    if (registry.has(type.entity.name)) throw new Error(`Node type ${type.entity.name} is registered twice`);
    registry.set(type.entity.name, type);
  }
}

/** The object of a type name and database id, without a visibility check (the caller has one of its own); null if unknown. */
export async function loadNode(loaders: HubLoaders, typeName: string, id: number): Promise<NodeEntity | null> {
  const type = registry.get(typeName);
  return type ? type.loader(loaders).load(id) : null;
}

@Resolver()
export class NodeResolver {
  @Query(() => NodeEntity, { nullable: true, description: 'The object with this global id; null for unknown or malformed ids.' })
  async node(@Ctx() ctx: HubContext, @Arg('id', () => ID, { description: 'A global id.' }) id: string): Promise<NodeEntity | null> {
    const decoded = fromGlobalId(id);
    const type = decoded && registry.get(decoded.type);
    if (!decoded || !type) return null;
    const found = await type.loader(ctx.loaders).load(decoded.id);
    // The same visibility rules as the lists: what a viewer may not list, they may not open by id either.
    return found && (!type.visible || (await type.visible(ctx, found))) ? found : null;
  }
}
