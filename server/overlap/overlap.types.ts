import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { PageInfo } from '../core/pagination.js';
import { DateTimeScalar } from '../core/scalars.js';

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

  @Field(() => String, { description: 'What was shared, in plain words: in Danish, or in English when asked for (see Overlap.reasons).' })
  detail!: string;
}

export enum ReasonLanguage {
  DA = 'DA',
  EN = 'EN',
}
registerEnumType(ReasonLanguage, { name: 'ReasonLanguage', description: "The language of a reason's detail." });

@ObjectType('OverlapReview', { description: 'A decision recorded on an overlapping pair.' })
export class OverlapReview {
  @Field(() => OverlapDecision, { description: 'The decision.' })
  decision!: OverlapDecision;

  @Field(() => String, { nullable: true, description: 'Why, or what was agreed.' })
  note!: string | null;

  /** The user who recorded it; reviewedBy resolves to their person. */
  reviewedByUserId!: number | null;

  @Field(() => DateTimeScalar, { description: 'When it was recorded.' })
  reviewedAt!: Date;
}

/** What an Overlap resolves from: the pair's activity ids (one for a draft), score and reasons. */
@ObjectType('Overlap', { description: 'Two activities that compete for the same people in the same place at the same time.' })
export class Overlap {
  /** Ascending; a draft's overlaps name only the existing activity. */
  activityIds!: number[];

  @Field(() => Float, { description: '0..1, higher means more alike.' })
  score!: number;

  /** The stored reasons as JSON text; the reasons field reads them. */
  reasonsJson!: string;
}

@ObjectType('OverlapEdge', { description: 'One overlap in a page, with its cursor.' })
export class OverlapEdge {
  @Field(() => String, { description: 'Pass as `after` to continue after this item.' })
  cursor!: string;

  @Field(() => Overlap, { description: 'The overlap.' })
  node!: Overlap;
}

@ObjectType('OverlapConnection', { description: 'A page of overlaps, best first.' })
export class OverlapConnection {
  @Field(() => [OverlapEdge], { description: 'The items of this page with their cursors.' })
  edges!: OverlapEdge[];

  @Field(() => [Overlap], { description: 'The items of this page.' })
  nodes!: Overlap[];

  @Field(() => PageInfo, { description: 'Cursors and whether more pages exist.' })
  pageInfo!: PageInfo;

  // Not simple: counted only when asked, so the value may be a promise (see core/plain-fields.ts).
  @Field(() => Int, { simple: false, description: 'Number of overlaps in the whole list, over all pages.' })
  totalCount!: number;
}
