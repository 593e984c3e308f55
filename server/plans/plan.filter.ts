import { ArrayMaxSize } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { PlanStatus } from '../core/enums.js';

@InputType('PlanFilter', { description: 'Narrows a list of plans; all given conditions must hold.' })
export class PlanFilter {
  @Field(() => [PlanStatus], { nullable: true, description: 'Plans in any of these statuses.' })
  status?: PlanStatus[] | null;

  @ArrayMaxSize(200)
  @Field(() => [ID], { nullable: true, description: 'Plans working in any of these areas or their sub-areas.' })
  areaIds?: string[] | null;
}
