import { seesEverything } from '../access/visibility.js';
import type { HubContext } from '../core/context.js';
import { planOpenTo } from '../plans/plan.visibility.js';

/** Whether the viewer may open what belongs to this activity: the rule of its plan; true where there is no activity. */
export async function activityOpenTo(ctx: HubContext, activityId: number | null | undefined): Promise<boolean> {
  if (seesEverything(ctx.viewer) || activityId === null || activityId === undefined) return true;
  const activity = await ctx.loaders.activity.load(activityId);
  return planOpenTo(ctx, activity?.plan.id);
}
