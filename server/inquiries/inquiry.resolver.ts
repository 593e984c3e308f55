import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../core/context.js';
import { LocalDateScalar } from '../core/scalars.js';
import { Plan } from '../plans/plan.entity.js';
import { InquiryGrouping } from './inquiry.entity.js';
import { inquiryStats, recordInquiries } from './inquiry.service.js';
import { InquiriesPayload, InquiryStat, RecordInquiriesInput } from './inquiry.types.js';

@Resolver(() => InquiryStat)
export class InquiryResolver {
  @Query(() => [InquiryStat], { description: 'Inquiry counts summed by any combination of channel, topic, month and plan, with shares of the total.' })
  inquiryStats(
    @Ctx() { em, viewer }: HubContext,
    @Arg('groupBy', () => [InquiryGrouping], { description: 'What to sum by; [] gives the total.' }) groupBy: InquiryGrouping[],
    @Arg('planIds', () => [ID], { nullable: true, description: 'Only these plans.' }) planIds?: string[] | null,
    @Arg('from', () => LocalDateScalar, { nullable: true, description: 'Only periods starting on or after this date.' }) from?: string | null,
    @Arg('to', () => LocalDateScalar, { nullable: true, description: 'Only periods starting on or before this date.' }) to?: string | null,
  ): Promise<InquiryStat[]> {
    return inquiryStats(em, viewer, { groupBy, planIds, from, to });
  }

  @Mutation(() => InquiriesPayload, { description: 'Records a count of inquiries (COORDINATOR; PROJECT_LEAD for their plans).' })
  recordInquiries(@Ctx() ctx: HubContext, @Arg('input', () => RecordInquiriesInput, { description: 'The count.' }) input: RecordInquiriesInput) {
    return recordInquiries(ctx, input);
  }

  @FieldResolver(() => Plan, { nullable: true, description: 'The plan, when grouped by PLAN.' })
  plan(@Root() stat: InquiryStat, @Ctx() { loaders }: HubContext): Promise<Plan | null> | null {
    return stat.planId === null ? null : loaders.plan.load(stat.planId);
  }
}
