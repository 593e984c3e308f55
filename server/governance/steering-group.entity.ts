import { Collection, type Ref } from '@mikro-orm/core';
import { Entity, Index, ManyToOne, OneToMany, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType } from 'type-graphql';
import { NodeEntity } from '../core/node.js';
import { Person } from '../people/person.entity.js';
import { Plan } from '../plans/plan.entity.js';

@Entity({ tableName: 'steering_group' })
@ObjectType('SteeringGroup', { implements: NodeEntity, description: 'A styregruppe.' })
export class SteeringGroup extends NodeEntity {
  @Property({ type: 'string', length: 200 })
  @Field(() => String, { description: 'Name of the steering group.' })
  name!: string;

  @Unique()
  @ManyToOne(() => Plan, { ref: true, nullable: true, deleteRule: 'set null' })
  plan?: Ref<Plan> | null;

  @OneToMany(() => SteeringGroupMember, (member) => member.steeringGroup)
  members = new Collection<SteeringGroupMember>(this);
}

@Entity({ tableName: 'steering_group_member' })
@Unique({ properties: ['steeringGroup', 'person'] })
@ObjectType('SteeringGroupMember', { description: 'A person on a steering group, with their role there.' })
export class SteeringGroupMember {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Index()
  @ManyToOne(() => SteeringGroup, { ref: true, deleteRule: 'cascade' })
  steeringGroup!: Ref<SteeringGroup>;

  @Index()
  @ManyToOne(() => Person, { ref: true, deleteRule: 'cascade' })
  person!: Ref<Person>;

  @Property({ type: 'string', length: 200, nullable: true })
  @Field(() => String, { nullable: true, description: 'Role in the group, e.g. "Formand" or "Boligorganisation".' })
  role?: string | null;
}
