import { Field, InputType, ObjectType } from 'type-graphql';
import { Weekday } from '../core/enums.js';
import { LocalTimeScalar } from '../core/scalars.js';

/** A weekly slot as stored in activity.schedule (jsonb): times as HH:mm. */
export interface ScheduleSlotData {
  weekday: Weekday;
  startTime: string;
  endTime: string;
}

@ObjectType('ScheduleSlot', { description: 'A weekly time slot in which an activity runs.' })
export class ScheduleSlot implements ScheduleSlotData {
  @Field(() => Weekday, { description: 'Day of the week.' })
  weekday!: Weekday;

  @Field(() => LocalTimeScalar, { description: 'Start time, HH:mm.' })
  startTime!: string;

  @Field(() => LocalTimeScalar, { description: 'End time, HH:mm.' })
  endTime!: string;
}

@InputType('ScheduleSlotInput', { description: 'A weekly time slot.' })
export class ScheduleSlotInput implements ScheduleSlotData {
  @Field(() => Weekday, { description: 'Day of the week.' })
  weekday!: Weekday;

  @Field(() => LocalTimeScalar, { description: 'Start time, HH:mm.' })
  startTime!: string;

  @Field(() => LocalTimeScalar, { description: 'End time, HH:mm; after startTime.' })
  endTime!: string;
}
