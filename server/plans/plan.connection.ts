import { ObjectType } from 'type-graphql';
import { ConnectionType } from '../core/pagination.js';
import { Plan } from './plan.entity.js';

@ObjectType('PlanConnection', { description: 'A page of plans, ordered by code.' })
export class PlanConnection extends ConnectionType('Plan', Plan, 'plan') {}
