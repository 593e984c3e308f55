import { type Ref } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Activity } from '../activities/activity.entity.js';
import { User } from '../auth/user.entity.js';
import { Method } from '../catalogue/method.entity.js';
import { NodeEntity } from '../core/node.js';
import { ConnectionType } from '../core/pagination.js';
import { DateTimeScalar } from '../core/scalars.js';
import { Person } from '../people/person.entity.js';

export enum ExperienceOutcome {
  WORKED = 'WORKED',
  MIXED = 'MIXED',
  DID_NOT_WORK = 'DID_NOT_WORK',
}
registerEnumType(ExperienceOutcome, { name: 'ExperienceOutcome', description: 'How the experience turned out.' });

/** Searchable text of an experience, as for activities: Danish stems and unstemmed words, without accents. */
const EXPERIENCE_SEARCH_DOCUMENT = [
  ['title', 'A'],
  ['body', 'B'],
  ['recommendation', 'B'],
]
  .map(
    ([column, weight]) =>
      `setweight(to_tsvector('hub_danish'::regconfig, coalesce(${column}, '')) || to_tsvector('hub_simple'::regconfig, coalesce(${column}, '')), '${weight}')`,
  )
  .join(' || ');

@Entity({ tableName: 'experience' })
@ObjectType('Experience', { implements: NodeEntity, description: 'A lesson learned (erfaring) that other plans can reuse.' })
export class Experience extends NodeEntity {
  @Property({ type: 'string', length: 200 })
  @Field(() => String, { description: 'Short title of the lesson.' })
  title!: string;

  @Property({ type: 'text' })
  @Field(() => String, { description: 'What happened and what was learned.' })
  body!: string;

  @Enum({ items: () => ExperienceOutcome, type: 'string' })
  @Field(() => ExperienceOutcome, { description: 'Whether it worked.' })
  outcome!: ExperienceOutcome;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Advice to others who try the same.' })
  recommendation?: string | null;

  @Index()
  @ManyToOne(() => Activity, { ref: true, nullable: true, deleteRule: 'set null' })
  activity?: Ref<Activity> | null;

  @Index()
  @ManyToOne(() => Method, { ref: true, nullable: true, deleteRule: 'set null' })
  method?: Ref<Method> | null;

  @Index()
  @ManyToOne(() => Person, { ref: true, nullable: true, deleteRule: 'set null' })
  author?: Ref<Person> | null;

  @Index()
  @ManyToOne(() => User, { ref: true, nullable: true, deleteRule: 'set null' })
  createdBy?: Ref<User> | null;

  @Property({ type: 'boolean' })
  @Field(() => Boolean, { description: 'Only publishable experiences reach READER and highlights.' })
  publishable: boolean = false;

  @Property({ type: 'datetime', onCreate: () => new Date() })
  @Field(() => DateTimeScalar, { description: 'When it was recorded.' })
  createdAt: Date = new Date();

  @Index({ name: 'experience_search_vector_index', type: 'fulltext' })
  @Property({ type: 'tsvector', columnType: 'tsvector', generated: `(${EXPERIENCE_SEARCH_DOCUMENT}) stored`, lazy: true, hidden: true })
  searchVector?: string;
}

@ObjectType('ExperienceConnection', { description: 'A page of experiences, newest first.' })
export class ExperienceConnection extends ConnectionType('Experience', Experience, 'experience') {}
