import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { LocalDateScalar, NonNegativeIntScalar } from '../core/scalars.js';
import { UserError } from '../core/user-errors.js';
import { InquiryChannel } from './inquiry.entity.js';

@ObjectType('InquiryStat', { description: "A count of citizen inquiries (henvendelser); never a citizen's identity." })
export class InquiryStat {
  @Field(() => InquiryChannel, { nullable: true, description: 'The channel, when grouped by CHANNEL.' })
  channel!: InquiryChannel | null;

  @Field(() => String, { nullable: true, description: 'The topic, when grouped by TOPIC.' })
  topic!: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM when grouped by MONTH.' })
  month!: string | null;

  /** The plan, when grouped by PLAN; resolved by its loader. */
  planId!: number | null;

  @Field(() => Int, { description: 'Number of inquiries.' })
  count!: number;

  @Field(() => Float, { description: 'Share of all inquiries in the filtered set, 0..1.' })
  share!: number;
}

@InputType('RecordInquiriesInput', { description: 'A count of inquiries for a plan, channel, topic and period; never a person.' })
export class RecordInquiriesInput {
  @Field(() => ID, { description: 'The plan.' })
  planId!: string;

  @Field(() => InquiryChannel, { description: 'The KOMHEN channel.' })
  channel!: InquiryChannel;

  @Field(() => String, { description: 'Topic, e.g. "Husleje" or "Beboerklager"; at most 200 characters, never a person or an address.' })
  topic!: string;

  @Field(() => LocalDateScalar, { description: 'First day counted.' })
  periodStart!: string;

  @Field(() => LocalDateScalar, { description: 'Last day counted; not before periodStart.' })
  periodEnd!: string;

  @Field(() => NonNegativeIntScalar, { description: 'Number of inquiries.' })
  count!: number;
}

@ObjectType('InquiriesPayload', { description: 'The result of recordInquiries.' })
export class InquiriesPayload {
  @Field(() => [InquiryStat], { description: "The plan's counts by channel over the recorded period, after recording." })
  stats!: InquiryStat[];

  @Field(() => [UserError], { description: 'What was wrong with the input; empty on success.' })
  userErrors!: UserError[];
}
