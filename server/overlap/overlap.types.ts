import { Field, Float, ObjectType, registerEnumType } from 'type-graphql';
import { Activity } from '../activities/activity.entity.js';
import { DateTimeScalar } from '../core/scalars.js';
import { Person } from '../people/person.entity.js';

export enum OverlapReasonKind {
  TARGET_GROUP = 'TARGET_GROUP',
  AREA = 'AREA',
  PERIOD = 'PERIOD',
  SCHEDULE = 'SCHEDULE',
  METHOD = 'METHOD',
  THEME = 'THEME',
  TEXT = 'TEXT',
}
registerEnumType(OverlapReasonKind, { name: 'OverlapReasonKind', description: 'A kind of signal behind an overlap score.' });

export enum OverlapDecision {
  COMPLEMENTARY = 'COMPLEMENTARY',
  COORDINATED = 'COORDINATED',
  DUPLICATE = 'DUPLICATE',
}
registerEnumType(OverlapDecision, {
  name: 'OverlapDecision',
  description: 'What the team decided about a pair of overlapping activities.',
  valuesConfig: {
    COMPLEMENTARY: { description: 'Different purposes: not a real overlap.' },
    COORDINATED: { description: 'The projects now coordinate (shared staff, joint recruitment, agreed split).' },
    DUPLICATE: { description: 'A true duplicate that should be merged or stopped.' },
  },
});

@ObjectType('OverlapReason', { description: 'One signal behind an overlap score, with its share of the score and a human-readable explanation.' })
export class OverlapReason {
  @Field(() => OverlapReasonKind, { description: 'Which signal.' })
  kind!: OverlapReasonKind;

  @Field(() => Float, { description: 'Its share of the score.' })
  weight!: number;

  @Field(() => String, { description: 'What was shared, in plain words.' })
  detail!: string;
}

@ObjectType('OverlapReview', { description: 'A decision recorded on an overlapping pair.' })
export class OverlapReview {
  @Field(() => OverlapDecision, { description: 'The decision.' })
  decision!: OverlapDecision;

  @Field(() => String, { nullable: true, description: 'Why, or what was agreed.' })
  note?: string | null;

  @Field(() => Person, { nullable: true, description: 'Who recorded it.' })
  reviewedBy?: Person | null;

  @Field(() => DateTimeScalar, { description: 'When it was recorded.' })
  reviewedAt!: Date;
}

@ObjectType('Overlap', { description: 'Two activities that compete for the same people in the same place at the same time.' })
export class Overlap {
  @Field(() => [Activity], { description: 'Exactly two activities, ordered by id.' })
  activities!: Activity[];

  @Field(() => Float, { description: '0..1, higher means more alike.' })
  score!: number;

  @Field(() => [OverlapReason], { description: 'The signals behind the score.' })
  reasons!: OverlapReason[];

  @Field(() => OverlapReview, { nullable: true, description: 'The recorded decision, if any.' })
  review?: OverlapReview | null;
}
