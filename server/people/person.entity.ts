import { type Ref } from '@mikro-orm/core';
import { Entity, Index, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType } from 'type-graphql';
import { NodeEntity } from '../core/node.js';
import { Organisation } from '../organisations/organisation.entity.js';

@Entity({ tableName: 'person' })
@ObjectType('Person', {
  implements: NodeEntity,
  description: 'Staff, not citizens. email and phone are null for READER and unauthenticated callers.',
})
export class Person extends NodeEntity {
  @Property({ type: 'string', length: 200 })
  @Field(() => String, { description: 'Full name.' })
  name!: string;

  @Property({ type: 'string', length: 200, nullable: true })
  @Field(() => String, { nullable: true, description: 'Job title, e.g. "Projektleder".' })
  title?: string | null;

  @Index()
  @ManyToOne(() => Organisation, { ref: true, nullable: true, deleteRule: 'set null' })
  organisation?: Ref<Organisation> | null;

  @Property({ type: 'string', length: 320, nullable: true })
  email?: string | null;

  @Property({ type: 'string', length: 40, nullable: true })
  phone?: string | null;
}
