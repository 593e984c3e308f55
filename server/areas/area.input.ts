import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { AreaKind } from '../core/enums.js';
import { LatitudeScalar, LongitudeScalar, NonNegativeIntScalar } from '../core/scalars.js';
import { UserError } from '../core/user-errors.js';
import { Area } from './area.entity.js';

@InputType('CreateAreaInput', { description: 'A new municipality, district or estate.' })
export class CreateAreaInput {
  @Field(() => String, { description: 'Unique short code: letters, digits, ".", "_" and "-".' })
  code!: string;

  @Field(() => String, { description: 'Name, at most 200 characters.' })
  name!: string;

  @Field(() => AreaKind, { description: 'Municipality, district or estate.' })
  kind!: AreaKind;

  @Field(() => ID, { nullable: true, description: 'The area it lies in: a district for an estate, a municipality for a district.' })
  parentId?: string | null;

  @Field(() => LatitudeScalar, { nullable: true, description: 'Latitude of the centroid; give it with longitude.' })
  latitude?: number | null;

  @Field(() => LongitudeScalar, { nullable: true, description: 'Longitude of the centroid; give it with latitude.' })
  longitude?: number | null;

  @Field(() => NonNegativeIntScalar, { nullable: true, description: 'Residents, when known.' })
  residents?: number | null;
}

@ObjectType('AreaPayload', { description: 'The result of createArea.' })
export class AreaPayload {
  @Field(() => Area, { nullable: true, description: 'The new area; null when userErrors is not empty.' })
  area!: Area | null;

  @Field(() => [UserError], { description: 'What was wrong with the input; empty on success.' })
  userErrors!: UserError[];
}
