import { Collection, type Ref } from '@mikro-orm/core';
import { Check, Entity, Enum, Index, ManyToMany, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, Int, ObjectType } from 'type-graphql';
import { Area } from '../areas/area.entity.js';
import { User } from '../auth/user.entity.js';
import { Method } from '../catalogue/method.entity.js';
import { TargetGroup } from '../catalogue/target-group.entity.js';
import { Theme } from '../catalogue/theme.entity.js';
import { ActivityStatus } from '../core/enums.js';
import { NodeEntity } from '../core/node.js';
import { DateTimeScalar, LocalDateScalar, NonNegativeIntScalar } from '../core/scalars.js';
import { Organisation } from '../organisations/organisation.entity.js';
import { Person } from '../people/person.entity.js';
import { Plan } from '../plans/plan.entity.js';
import { ScheduleSlot, type ScheduleSlotData } from './schedule.js';

/**
 * Full-text document of an activity, title weighing more than description: Danish stems (hub_danish) plus
 * the unstemmed words (hub_simple), both without accents, so prefix queries meet Danish compounds.
 */
export const ACTIVITY_SEARCH_DOCUMENT = ['title', 'description']
  .map(
    (column, i) =>
      `setweight(to_tsvector('hub_danish'::regconfig, coalesce(${column}, '')) || to_tsvector('hub_simple'::regconfig, coalesce(${column}, '')), '${'AB'[i]}')`,
  )
  .join(' || ');

/** Longest reference a plan may give an activity. */
export const MAX_REFERENCE = 100;

@Entity({ tableName: 'activity' })
@Index({ name: 'activity_period_index', properties: ['startDate', 'endDate'] })
// A plan's or a method's page of activities is read in id order: the index hands over just that page.
@Index({ name: 'activity_plan_id_id_index', properties: ['plan', 'id'] })
@Index({ name: 'activity_method_id_id_index', properties: ['method', 'id'] })
// The live ones (what lists show unless asked for archived ones): their pages and counts read this index alone.
@Index({
  name: 'activity_live_plan_index',
  expression: 'create index "activity_live_plan_index" on "activity" ("plan_id", "id") where not "archived"',
})
@Index({
  name: 'activity_live_method_index',
  expression: 'create index "activity_live_method_index" on "activity" ("method_id", "id") where not "archived"',
})
// Parts of Danish compounds in a search ("mødre" in "Bydelsmødre"): LIKE on the text, served by trigrams (activity.query.ts).
@Index({
  name: 'activity_text_trgm',
  expression: `create index "activity_text_trgm" on "activity" using gin ((lower(title || ' ' || coalesce(description, ''))) gin_trgm_ops)`,
})
@Unique({ name: 'activity_idempotency_unique', properties: ['createdBy', 'idempotencyKey'] })
// A plan's own reference names one activity of that plan: what an import of the plan's sheet matches rows by.
@Unique({ name: 'activity_plan_reference_unique', properties: ['plan', 'reference'] })
@Check({ name: 'activity_period_check', expression: 'end_date is null or end_date >= start_date' })
@Check({ name: 'activity_capacity_check', expression: 'capacity is null or capacity >= 0' })
@ObjectType('Activity', { implements: NodeEntity, description: 'Something a plan does for its residents, e.g. a homework café.' })
export class Activity extends NodeEntity {
  @ManyToOne(() => Plan, { ref: true, deleteRule: 'cascade' })
  plan!: Ref<Plan>;

  @Property({ type: 'string', length: 200 })
  @Field(() => String, { description: 'Title, at most 200 characters.' })
  title!: string;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'What happens, for whom and how; at most 10,000 characters.' })
  description?: string | null;

  @ManyToOne(() => Method, { ref: true, nullable: true, deleteRule: 'set null' })
  method?: Ref<Method> | null;

  @Property({ type: 'string', length: MAX_REFERENCE, nullable: true })
  @Field(() => String, {
    nullable: true,
    description: "The plan's own reference for it (e.g. its number in the plan's spreadsheet), unique within the plan; an import matches rows by it.",
  })
  reference?: string | null;

  @ManyToMany(() => Theme, undefined, { pivotEntity: () => ActivityTheme })
  themes = new Collection<Theme>(this);

  @ManyToMany(() => TargetGroup, undefined, { pivotEntity: () => ActivityTargetGroup })
  targetGroups = new Collection<TargetGroup>(this);

  @ManyToMany(() => Area, undefined, { pivotEntity: () => ActivityArea })
  areas = new Collection<Area>(this);

  @ManyToMany(() => Organisation, undefined, { pivotEntity: () => ActivityPartner })
  partners = new Collection<Organisation>(this);

  @Index()
  @ManyToOne(() => Person, { ref: true, nullable: true, deleteRule: 'set null' })
  contact?: Ref<Person> | null;

  @Index()
  @Enum({ items: () => ActivityStatus, type: 'string' })
  @Field(() => ActivityStatus, { description: 'Planned, running, paused, ended or cancelled.' })
  status: ActivityStatus = ActivityStatus.PLANNED;

  @Property({ type: 'date' })
  @Field(() => LocalDateScalar, { description: 'First day.' })
  startDate!: string;

  @Property({ type: 'date', nullable: true })
  @Field(() => LocalDateScalar, { nullable: true, description: 'Null while open-ended.' })
  endDate?: string | null;

  @Property({ type: 'json' })
  @Field(() => [ScheduleSlot], { description: 'Weekly time slots, in weekday and time order.' })
  schedule: ScheduleSlotData[] = [];

  @Property({ type: 'integer', nullable: true })
  @Field(() => NonNegativeIntScalar, { nullable: true, description: 'Participants it can take at once.' })
  capacity?: number | null;

  @Property({ type: 'integer', version: true })
  @Field(() => Int, {
    description: 'Raised by every change; updateActivity and archiveActivity take it back as expectedVersion.',
  })
  version!: number;

  @Property({ type: 'boolean' })
  @Field(() => Boolean, { description: 'Archived activities are left out of lists unless asked for.' })
  archived: boolean = false;

  @Property({ type: 'datetime', onCreate: () => new Date() })
  @Field(() => DateTimeScalar, { description: 'When it was registered.' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', onCreate: () => new Date(), onUpdate: () => new Date() })
  @Field(() => DateTimeScalar, { description: 'When it was last changed.' })
  updatedAt: Date = new Date();

  /** Who registered it; with idempotencyKey it makes a retried create return the first activity. */
  @Index()
  @ManyToOne(() => User, { ref: true, nullable: true, deleteRule: 'set null' })
  createdBy?: Ref<User> | null;

  @Property({ type: 'string', length: 200, nullable: true })
  idempotencyKey?: string | null;

  /** SHA-256 of the create input the key was first used with: the same key with another input is refused. */
  @Property({ type: 'string', length: 64, nullable: true, hidden: true })
  idempotencyFingerprint?: string | null;

  /** Content words for overlap scoring, written by the overlap store with the activity's pairs. */
  @Property({ type: 'text[]', columnType: 'text[]', nullable: true, lazy: true, hidden: true })
  contentStems?: string[] | null;

  /** The method its words point to when it names none (or another), with how sure, and the words that showed it. */
  @ManyToOne(() => Method, { ref: true, nullable: true, deleteRule: 'set null' })
  inferredMethod?: Ref<Method> | null;

  @Property({ type: 'double', nullable: true })
  inferredConfidence?: number | null;

  @Property({ type: 'text[]', columnType: 'text[]', nullable: true })
  inferredWords?: string[] | null;

  /** Stems of its title and description without place names (target-group words kept) and 'group:<id>' of its groups: what its kind of work is learned and inferred from. */
  @Property({ type: 'text[]', columnType: 'text[]', nullable: true, lazy: true, hidden: true })
  kindStems?: string[] | null;

  /** The method its kindStems are counted under in method_term (the overlap store's learned vocabulary), if any. */
  @Property({ type: 'integer', nullable: true, lazy: true, hidden: true })
  learnedMethodId?: number | null;

  /** How much its kindStems count there: 1 for a method it names, less for one inferred (the model learns from its own guesses). */
  @Property({ type: 'double', nullable: true, lazy: true, hidden: true })
  learnedWeight?: number | null;

  /** Words of its method's name, as contentStems. */
  @Property({ type: 'text[]', columnType: 'text[]', nullable: true, lazy: true, hidden: true })
  methodStems?: string[] | null;

  @Index({ name: 'activity_search_vector_index', type: 'fulltext' })
  @Property({ type: 'tsvector', columnType: 'tsvector', generated: `(${ACTIVITY_SEARCH_DOCUMENT}) stored`, lazy: true, hidden: true })
  searchVector?: string;
}

// Pivot tables are declared as entities so that their second column is indexed too.

@Entity({ tableName: 'activity_theme' })
@Index({ name: 'activity_theme_theme_id_index', properties: ['theme'] })
export class ActivityTheme {
  @ManyToOne(() => Activity, { primary: true, deleteRule: 'cascade' })
  activity!: Activity;

  @ManyToOne(() => Theme, { primary: true, deleteRule: 'cascade' })
  theme!: Theme;
}

@Entity({ tableName: 'activity_target_group' })
@Index({ name: 'activity_target_group_target_group_id_index', properties: ['targetGroup'] })
export class ActivityTargetGroup {
  @ManyToOne(() => Activity, { primary: true, deleteRule: 'cascade' })
  activity!: Activity;

  @ManyToOne(() => TargetGroup, { primary: true, deleteRule: 'cascade' })
  targetGroup!: TargetGroup;
}

@Entity({ tableName: 'activity_area' })
@Index({ name: 'activity_area_area_id_index', properties: ['area'] })
export class ActivityArea {
  @ManyToOne(() => Activity, { primary: true, deleteRule: 'cascade' })
  activity!: Activity;

  @ManyToOne(() => Area, { primary: true, deleteRule: 'cascade' })
  area!: Area;
}

@Entity({ tableName: 'activity_partner' })
@Index({ name: 'activity_partner_organisation_id_index', properties: ['organisation'] })
export class ActivityPartner {
  @ManyToOne(() => Activity, { primary: true, deleteRule: 'cascade' })
  activity!: Activity;

  @ManyToOne(() => Organisation, { primary: true, deleteRule: 'cascade' })
  organisation!: Organisation;
}
