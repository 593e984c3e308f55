import { type Ref } from '@mikro-orm/core';
import { Check, Entity, Index, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType } from 'type-graphql';
import { NodeEntity } from '../core/node.js';
import { NonNegativeIntScalar } from '../core/scalars.js';

@Entity({ tableName: 'target_group' })
@Check({ name: 'target_group_age_range_check', expression: 'min_age is null or max_age is null or min_age <= max_age' })
@ObjectType('TargetGroup', {
  implements: NodeEntity,
  description: "A målgruppe. Hierarchical: a child group is part of its parent (e.g. 'unge med problemer' under 'unge 13-17').",
})
export class TargetGroup extends NodeEntity {
  @Unique()
  @Property({ type: 'string', length: 64 })
  @Field(() => String, { description: 'Short unique code.' })
  code!: string;

  @Property({ type: 'string', length: 200 })
  @Field(() => String, { description: 'Name of the target group.' })
  name!: string;

  @Index()
  @ManyToOne(() => TargetGroup, { ref: true, nullable: true, deleteRule: 'restrict' })
  parent?: Ref<TargetGroup> | null;

  @Property({ type: 'smallint', nullable: true })
  @Field(() => NonNegativeIntScalar, { nullable: true, description: 'Youngest age served, when the group has one.' })
  minAge?: number | null;

  @Property({ type: 'smallint', nullable: true })
  @Field(() => NonNegativeIntScalar, { nullable: true, description: 'Oldest age served, when the group has one.' })
  maxAge?: number | null;
}
