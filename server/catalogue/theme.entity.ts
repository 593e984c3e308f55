import { Entity, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType } from 'type-graphql';
import { NodeEntity } from '../core/node.js';

@Entity({ tableName: 'theme' })
@ObjectType('Theme', { implements: NodeEntity, description: 'An indsatsområde, e.g. Uddannelse og livschancer.' })
export class Theme extends NodeEntity {
  @Unique()
  @Property({ type: 'string', length: 64 })
  @Field(() => String, { description: 'Short unique code.' })
  code!: string;

  @Property({ type: 'string', length: 200 })
  @Field(() => String, { description: 'Name of the theme.' })
  name!: string;
}
