import { Collection, type Ref } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToMany, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType } from 'type-graphql';
import { Role } from '../core/enums.js';
import { NodeEntity } from '../core/node.js';
import { DateTimeScalar } from '../core/scalars.js';
import { Person } from '../people/person.entity.js';
import { Plan } from '../plans/plan.entity.js';

@Entity({ tableName: 'app_user' })
@ObjectType('User', { implements: NodeEntity, description: 'Someone (or some tool) that signs in with a bearer token.' })
export class User extends NodeEntity {
  @Property({ type: 'string', length: 200 })
  @Field(() => String, { description: 'Name of the user or the tool.' })
  name!: string;

  @Enum({ items: () => Role, type: 'string' })
  @Field(() => Role, { description: 'What the user may do.' })
  role!: Role;

  @Index()
  @ManyToOne(() => Person, { ref: true, nullable: true, deleteRule: 'set null' })
  person?: Ref<Person> | null;

  @ManyToMany(() => Plan, undefined, { pivotEntity: () => UserPlan })
  plans = new Collection<Plan>(this);

  /** SHA-256 of the bearer token; the token itself is shown once and never stored. */
  @Unique()
  @Property({ type: 'string', length: 64, hidden: true })
  tokenHash!: string;

  @Property({ type: 'datetime', onCreate: () => new Date() })
  createdAt: Date = new Date();

  /** When the user was revoked: their token is refused from then on (rotateToken by an administrator restores them). */
  @Property({ type: 'datetime', nullable: true })
  @Field(() => DateTimeScalar, { nullable: true, description: 'When the user was revoked; their token is refused since.' })
  revokedAt?: Date | null = null;

  /** When the user last used the hub, to the hour: set by the token look-up (auth.service.ts), at most once an hour. */
  @Property({ type: 'datetime', nullable: true })
  @Field(() => DateTimeScalar, { nullable: true, description: 'When the user last used the hub, to the hour; null before the first time.' })
  lastSeenAt?: Date | null = null;
}

@Entity({ tableName: 'user_plan' })
@Index({ name: 'user_plan_plan_id_index', properties: ['plan'] })
export class UserPlan {
  @ManyToOne(() => User, { primary: true, deleteRule: 'cascade' })
  user!: User;

  @ManyToOne(() => Plan, { primary: true, deleteRule: 'cascade' })
  plan!: Plan;
}
