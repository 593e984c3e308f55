import { Field, Float, ObjectType } from 'type-graphql';
import { Method } from '../catalogue/method.entity.js';

/** An inferred method below this confidence is shown but not used: the activity's kind stays unknown. */
export const MIN_INFERENCE_CONFIDENCE = 0.5;

@ObjectType('InferredMethod', {
  description:
    'The method the words of an activity registered without one point to (from the method keywords); a client offers it to be confirmed with updateActivity(methodId).',
})
export class InferredMethod {
  @Field(() => Method, { description: 'The method.' })
  method!: Method;

  @Field(() => Float, { description: 'How sure, 0 to 1; from 0.5 it counts as the kind of work when overlaps are scored.' })
  confidence!: number;

  @Field(() => [String], { description: 'The words of the title or description that showed it, as written (lower case).' })
  words!: string[];
}
