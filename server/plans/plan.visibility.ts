import { defaultFieldResolver, isObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { planVisible, seesEverything } from '../access/visibility.js';
import type { HubContext } from '../core/context.js';
import type { Plan } from './plan.entity.js';

/**
 * Every nullable field that answers one plan or one activity (a steering group's, an indicator's, an experience's,
 * an inquiry figure's) answers null where the viewer may not see it, so no path reaches what the lists leave out.
 */
export function withVisibility(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      if (!isObjectType(field.type) || (field.type.name !== 'Plan' && field.type.name !== 'Activity')) continue;
      const isPlan = field.type.name === 'Plan';
      const resolve: GraphQLFieldResolver<unknown, HubContext> = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args, context, info) => {
        const result = resolve(source, args, context, info);
        if (seesEverything(context.viewer)) return result;
        return Promise.resolve(result as Plan | { plan: { id: number } } | null | undefined).then(async (value) => {
          if (!value) return value;
          const plan = isPlan ? (value as Plan) : await context.loaders.plan.load((value as { plan: { id: number } }).plan.id);
          return plan && planVisible(context.viewer, plan) ? value : null;
        });
      };
    }
  }
  return schema;
}

/** Whether the viewer may open what belongs to this plan (a reader nothing of a DRAFT plan); true where there is no plan. */
export async function planOpenTo(ctx: HubContext, planId: number | null | undefined): Promise<boolean> {
  if (seesEverything(ctx.viewer) || planId === null || planId === undefined) return true;
  const plan = await ctx.loaders.plan.load(planId);
  return !plan || planVisible(ctx.viewer, plan);
}
