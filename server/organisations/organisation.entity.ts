import { Entity, Enum, Property } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType } from 'type-graphql';
import { OrganisationKind } from '../core/enums.js';
import { NodeEntity } from '../core/node.js';

@Entity({ tableName: 'organisation' })
@ObjectType('Organisation', {
  implements: NodeEntity,
  description: 'A housing organisation, municipal department, NGO, police district, school or other partner.',
})
export class Organisation extends NodeEntity {
  @Property({ type: 'string', length: 200 })
  @Field(() => String, { description: 'Name of the organisation.' })
  name!: string;

  @Enum({ items: () => OrganisationKind, type: 'string' })
  @Field(() => OrganisationKind, { description: 'What kind of organisation it is.' })
  kind!: OrganisationKind;
}
