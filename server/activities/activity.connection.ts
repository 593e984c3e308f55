import { ObjectType } from 'type-graphql';
import { ConnectionType } from '../core/pagination.js';
import { Activity } from './activity.entity.js';

@ObjectType('ActivityConnection', { description: 'A page of activities, ordered by registration.' })
export class ActivityConnection extends ConnectionType('Activity', Activity, 'activity') {}
