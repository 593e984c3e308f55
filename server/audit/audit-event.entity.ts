import { type Ref } from '@mikro-orm/core';
import { Entity, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType } from 'type-graphql';
import { User } from '../auth/user.entity.js';
import { DateTimeScalar } from '../core/scalars.js';

export type AuditChanges = Record<string, { before: unknown; after: unknown }>;

@Entity({ tableName: 'audit_event' })
@Index({ name: 'audit_event_entity_index', properties: ['entityType', 'entityId', 'id'] })
@ObjectType('AuditEvent', { description: 'One change to the data: who, when, what, and the changed fields before and after.' })
export class AuditEvent {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @Property({ type: 'datetime', onCreate: () => new Date() })
  @Field(() => DateTimeScalar, { description: 'When the change was committed.' })
  at: Date = new Date();

  @Index()
  @ManyToOne(() => User, { ref: true, nullable: true, deleteRule: 'set null' })
  actor?: Ref<User> | null;

  @Property({ type: 'string', length: 64 })
  @Field(() => String, { description: 'The mutation, e.g. "updateActivity".' })
  action!: string;

  @Property({ type: 'string', length: 64 })
  @Field(() => String, { description: 'Type of the changed object, e.g. "Activity".' })
  entityType!: string;

  @Property({ type: 'integer' })
  entityId!: number;

  @Property({ type: 'json' })
  changes!: AuditChanges;
}
