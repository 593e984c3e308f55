import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { Activity } from '../activities/activity.entity.js';
import type { HubContext } from '../core/context.js';
import { ImportActivitiesInput, ImportActivitiesPayload, ImportRow } from './import.input.js';
import { importActivities } from './import.service.js';

@Resolver(() => ImportRow)
export class ImportResolver {
  @Mutation(() => ImportActivitiesPayload, {
    description:
      'Imports a sheet of activities (CSV or XLSX): a dry run by default; otherwise all rows or none (COORDINATOR; PROJECT_LEAD into their own plans).',
  })
  importActivities(@Ctx() ctx: HubContext, @Arg('input', () => ImportActivitiesInput, { description: 'The sheet.' }) input: ImportActivitiesInput) {
    return importActivities(ctx, input);
  }

  @FieldResolver(() => Activity, {
    nullable: true,
    description: 'The activity the row created, changed or matches, as stored after the import; null for a failed row or one not created.',
  })
  activity(@Root() row: ImportRow, @Ctx() { loaders }: HubContext): Promise<Activity | null> | null {
    return row.activityId ? loaders.activity.load(row.activityId) : null;
  }
}
