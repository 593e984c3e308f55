import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Activity } from '../activities/activity.entity.js';
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

@ObjectType('Experience', { implements: NodeEntity, description: 'A lesson learned (erfaring) that other plans can reuse.' })
export class Experience extends NodeEntity {
  @Field(() => String, { description: 'Short title of the lesson.' })
  title!: string;

  @Field(() => String, { description: 'What happened and what was learned.' })
  body!: string;

  @Field(() => ExperienceOutcome, { description: 'Whether it worked.' })
  outcome!: ExperienceOutcome;

  @Field(() => String, { nullable: true, description: 'Advice to others who try the same.' })
  recommendation?: string | null;

  @Field(() => Activity, { nullable: true, description: 'The activity it comes from.' })
  activity?: Activity | null;

  @Field(() => Method, { nullable: true, description: 'The method it concerns.' })
  method?: Method | null;

  @Field(() => Person, { nullable: true, description: 'Who wrote it.' })
  author?: Person | null;

  @Field(() => Boolean, { description: 'Only publishable experiences reach READER and highlights.' })
  publishable!: boolean;

  @Field(() => DateTimeScalar, { description: 'When it was recorded.' })
  createdAt!: Date;
}

@ObjectType('ExperienceConnection', { description: 'A page of experiences.' })
export class ExperienceConnection extends ConnectionType('Experience', Experience, 'experience') {}
