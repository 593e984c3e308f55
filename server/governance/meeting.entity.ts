import { type Ref } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { NodeEntity } from '../core/node.js';
import { DateTimeScalar, LocalDateScalar } from '../core/scalars.js';
import { Person } from '../people/person.entity.js';
import { SteeringGroup } from './steering-group.entity.js';

export enum ActionItemStatus {
  OPEN = 'OPEN',
  DONE = 'DONE',
}
registerEnumType(ActionItemStatus, { name: 'ActionItemStatus', description: 'Whether a follow-up is done.' });

@Entity({ tableName: 'meeting' })
@ObjectType('Meeting', { implements: NodeEntity, description: 'A steering-group meeting with its agenda, minutes, decisions and follow-ups.' })
export class Meeting extends NodeEntity {
  @Index()
  @ManyToOne(() => SteeringGroup, { ref: true, deleteRule: 'cascade' })
  steeringGroup!: Ref<SteeringGroup>;

  @Property({ type: 'date' })
  @Field(() => LocalDateScalar, { description: 'Date of the meeting.' })
  date!: string;

  @Property({ type: 'json' })
  @Field(() => [String], { description: 'Agenda items in order.' })
  agenda: string[] = [];

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Minutes (referat).' })
  minutes?: string | null;

  @Property({ type: 'json' })
  @Field(() => [String], { description: 'Decisions taken.' })
  decisions: string[] = [];

  @Property({ type: 'datetime', onCreate: () => new Date() })
  createdAt: Date = new Date();
}

@Entity({ tableName: 'action_item' })
@Index({ name: 'action_item_open_due_index', properties: ['status', 'dueDate'] })
@ObjectType('ActionItem', { implements: NodeEntity, description: 'A follow-up agreed at a meeting, with an owner and a date.' })
export class ActionItem extends NodeEntity {
  @Index()
  @ManyToOne(() => Meeting, { ref: true, deleteRule: 'cascade' })
  meeting!: Ref<Meeting>;

  @Property({ type: 'text' })
  @Field(() => String, { description: 'What is to be done.' })
  description!: string;

  @Index()
  @ManyToOne(() => Person, { ref: true, nullable: true, deleteRule: 'set null' })
  owner?: Ref<Person> | null;

  @Property({ type: 'date' })
  @Field(() => LocalDateScalar, { description: 'When it is due.' })
  dueDate!: string;

  @Enum({ items: () => ActionItemStatus, type: 'string' })
  @Field(() => ActionItemStatus, { description: 'Open or done.' })
  status: ActionItemStatus = ActionItemStatus.OPEN;

  @Property({ type: 'datetime', nullable: true })
  @Field(() => DateTimeScalar, { nullable: true, description: 'When it was marked done.' })
  completedAt?: Date | null;
}
