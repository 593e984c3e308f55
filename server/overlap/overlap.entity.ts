import { type Ref } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Activity } from '../activities/activity.entity.js';
import { Area } from '../areas/area.entity.js';
import { User } from '../auth/user.entity.js';
import { Method } from '../catalogue/method.entity.js';
import { TargetGroup } from '../catalogue/target-group.entity.js';
import { OverlapDecision } from './overlap.types.js';

export interface StoredReason {
  kind: string;
  weight: number;
  /** Danish. */
  detail: string;
  detail_en: string;
}

/** The scored pairs of live activities (derived data, kept current by every activity write). activity < other. */
@Entity({ tableName: 'activity_overlap' })
// Covering the list's filters, so counting the pairs above a score reads the index alone (no table rows).
@Index({ name: 'activity_overlap_score_index', properties: ['score', 'activity', 'other'], include: ['commonStart', 'commonEnd', 'samePlan'] })
@Index({ name: 'activity_overlap_other_index', properties: ['other'] })
export class ActivityOverlap {
  @ManyToOne(() => Activity, { primary: true, deleteRule: 'cascade', fieldName: 'activity_a_id' })
  activity!: Activity;

  @ManyToOne(() => Activity, { primary: true, deleteRule: 'cascade', fieldName: 'activity_b_id' })
  other!: Activity;

  @Property({ type: 'double' })
  score!: number;

  @Property({ type: 'json' })
  reasons!: StoredReason[];

  @Property({ type: 'date' })
  commonStart!: string;

  @Property({ type: 'date', nullable: true })
  commonEnd?: string | null;

  @Property({ type: 'boolean' })
  samePlan!: boolean;
}

/** A decision on a pair; superseded when a newer decision is made or either activity changes what it serves. */
@Entity({ tableName: 'overlap_review' })
@Index({ name: 'overlap_review_pair_index', properties: ['activity', 'other'] })
@Index({ name: 'overlap_review_other_index', properties: ['other'] })
// At most one decision counts per pair: concurrent reviews cannot leave two active.
@Index({
  name: 'overlap_review_active_unique',
  expression: 'create unique index "overlap_review_active_unique" on "overlap_review" ("activity_a_id", "activity_b_id") where "superseded_at" is null',
})
export class OverlapReviewRecord {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => Activity, { ref: true, deleteRule: 'cascade', fieldName: 'activity_a_id' })
  activity!: Ref<Activity>;

  @ManyToOne(() => Activity, { ref: true, deleteRule: 'cascade', fieldName: 'activity_b_id' })
  other!: Ref<Activity>;

  @Enum({ items: () => OverlapDecision, type: 'string' })
  decision!: OverlapDecision;

  @Property({ type: 'text', nullable: true })
  note?: string | null;

  @Index()
  @ManyToOne(() => User, { ref: true, nullable: true, deleteRule: 'set null' })
  reviewedBy?: Ref<User> | null;

  @Property({ type: 'datetime' })
  reviewedAt!: Date;

  @Property({ type: 'datetime', nullable: true })
  supersededAt?: Date | null;

  /** The decision this one replaced, which comes back if this one is taken back (undoOverlapReviews). */
  @Property({ type: 'integer', nullable: true })
  supersedesId?: number | null;
}

/** Which areas count as the same place (rule 3): itself, ancestors, descendants, centroids within 1.5 km. */
@Entity({ tableName: 'area_match' })
@Index({ name: 'area_match_match_id_index', properties: ['match'] })
export class AreaMatch {
  @ManyToOne(() => Area, { primary: true, deleteRule: 'cascade' })
  area!: Area;

  @ManyToOne(() => Area, { primary: true, deleteRule: 'cascade' })
  match!: Area;

  /** SAME, INSIDE (match contains area), CONTAINS (area contains match) or NEAR. */
  @Property({ type: 'string', length: 16 })
  relation!: string;

  @Property({ type: 'double', nullable: true })
  distanceKm?: number | null;
}

/** Which target groups count as the same people (rule 2): itself, ancestors, descendants, when the ages meet. */
@Entity({ tableName: 'target_group_match' })
@Index({ name: 'target_group_match_match_id_index', properties: ['match'] })
export class TargetGroupMatch {
  @ManyToOne(() => TargetGroup, { primary: true, deleteRule: 'cascade', fieldName: 'group_id' })
  group!: TargetGroup;

  @ManyToOne(() => TargetGroup, { primary: true, deleteRule: 'cascade' })
  match!: TargetGroup;

  /** SAME, PART_OF (match contains group) or INCLUDES (group contains match). */
  @Property({ type: 'string', length: 16 })
  relation!: string;
}

/** Small key-value facts about the database, e.g. which overlap model computed activity_overlap. */
@Entity({ tableName: 'hub_setting' })
export class HubSetting {
  @PrimaryKey({ type: 'string', length: 64 })
  key!: string;

  @Property({ type: 'text' })
  value!: string;
}

/**
 * What the city's own registrations say a method's words are (derived data): for each method and word stem or part, in
 * how many of the activities of the method it occurs (and, as terms 'group:<id>', whom they are for; '' counts the
 * activities). Kept by the overlap store as activities are written; the inference of a registration without a method
 * reads it (docs/overlap-model.md).
 */
@Entity({ tableName: 'method_term' })
@Index({ name: 'method_term_term_index', properties: ['term'] })
export class MethodTerm {
  @ManyToOne(() => Method, { primary: true, deleteRule: 'cascade' })
  method!: Method;

  @PrimaryKey({ type: 'text' })
  term!: string;

  /** Registrations of the method that use the term: 1 each that names the method, INFERRED_EXAMPLE_WEIGHT each inferred. */
  @Property({ type: 'double', default: 0 })
  docs!: number;

  /** What the catalogue entry says: the name counts as one registration, the keywords as three (kept by the overlap store when the method is written). */
  @Property({ type: 'double', default: 0 })
  prior!: number;
}
