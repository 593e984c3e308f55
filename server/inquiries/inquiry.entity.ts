import { type Ref } from '@mikro-orm/core';
import { Check, Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { registerEnumType } from 'type-graphql';
import { Plan } from '../plans/plan.entity.js';

export enum InquiryChannel {
  LETTER = 'LETTER',
  EMAIL = 'EMAIL',
  PHONE = 'PHONE',
  IN_PERSON = 'IN_PERSON',
  DIGITAL_POST = 'DIGITAL_POST',
  SELF_SERVICE = 'SELF_SERVICE',
  SOCIAL_MEDIA = 'SOCIAL_MEDIA',
  SYSTEM = 'SYSTEM',
}
registerEnumType(InquiryChannel, { name: 'InquiryChannel', description: "The channels of KL's national inquiry count (KOMHEN)." });

export enum InquiryGrouping {
  CHANNEL = 'CHANNEL',
  TOPIC = 'TOPIC',
  MONTH = 'MONTH',
  PLAN = 'PLAN',
}
registerEnumType(InquiryGrouping, { name: 'InquiryGrouping', description: 'What inquiry counts are summed by.' });

/** A count of citizen inquiries (henvendelser) for a plan, channel, topic and period; never a citizen. */
@Entity({ tableName: 'inquiry_count' })
@Index({ name: 'inquiry_count_plan_period_index', properties: ['plan', 'periodStart'] })
@Check({ name: 'inquiry_count_period_check', expression: 'period_end >= period_start and count >= 0' })
export class InquiryCount {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => Plan, { ref: true, deleteRule: 'cascade' })
  plan!: Ref<Plan>;

  @Enum({ items: () => InquiryChannel, type: 'string' })
  channel!: InquiryChannel;

  @Property({ type: 'string', length: 200 })
  topic!: string;

  @Property({ type: 'date' })
  periodStart!: string;

  @Property({ type: 'date' })
  periodEnd!: string;

  @Property({ type: 'integer' })
  count!: number;

  @Property({ type: 'datetime', onCreate: () => new Date() })
  createdAt: Date = new Date();
}
