import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { NodeEntity } from '../core/node.js';
import { LocalDateScalar } from '../core/scalars.js';
import { Person } from '../people/person.entity.js';
import { SteeringGroup } from './steering-group.entity.js';

export enum ActionItemStatus {
  OPEN = 'OPEN',
  DONE = 'DONE',
}
registerEnumType(ActionItemStatus, { name: 'ActionItemStatus', description: 'Whether a follow-up is done.' });

@ObjectType('Meeting', { implements: NodeEntity, description: 'A steering-group meeting.' })
export class Meeting extends NodeEntity {
  @Field(() => SteeringGroup, { description: 'The group that met.' })
  steeringGroup!: SteeringGroup;

  @Field(() => LocalDateScalar, { description: 'Date of the meeting.' })
  date!: string;

  @Field(() => [String], { description: 'Agenda items in order.' })
  agenda!: string[];

  @Field(() => String, { nullable: true, description: 'Minutes (referat).' })
  minutes?: string | null;

  @Field(() => [String], { description: 'Decisions taken.' })
  decisions!: string[];

  @Field(() => [ActionItem], { description: 'Follow-ups agreed.' })
  actionItems!: ActionItem[];
}

@ObjectType('ActionItem', { implements: NodeEntity, description: 'A follow-up agreed at a meeting, with an owner and a date.' })
export class ActionItem extends NodeEntity {
  @Field(() => Meeting, { description: 'Where it was agreed.' })
  meeting!: Meeting;

  @Field(() => String, { description: 'What is to be done.' })
  description!: string;

  @Field(() => Person, { nullable: true, description: 'Who does it.' })
  owner?: Person | null;

  @Field(() => LocalDateScalar, { description: 'When it is due.' })
  dueDate!: string;

  @Field(() => ActionItemStatus, { description: 'Open or done.' })
  status!: ActionItemStatus;
}
