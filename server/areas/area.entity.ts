import { type Ref } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType } from 'type-graphql';
import { AreaKind } from '../core/enums.js';
import { NodeEntity } from '../core/node.js';
import { LatitudeScalar, LongitudeScalar, NonNegativeIntScalar } from '../core/scalars.js';

@Entity({ tableName: 'area' })
@ObjectType('Area', {
  implements: NodeEntity,
  description: 'A municipality, district (bydel) or housing estate (boligafdeling). Estates sit inside districts.',
})
export class Area extends NodeEntity {
  @Unique()
  @Property({ type: 'string', length: 64 })
  @Field(() => String, { description: 'Short unique code, e.g. "vollsmose-bog".' })
  code!: string;

  @Property({ type: 'string', length: 200 })
  @Field(() => String, { description: 'Name as the residents say it.' })
  name!: string;

  @Enum({ items: () => AreaKind, type: 'string' })
  @Field(() => AreaKind, { description: 'Municipality, district or estate.' })
  kind!: AreaKind;

  @Index()
  @ManyToOne(() => Area, { ref: true, nullable: true, deleteRule: 'restrict' })
  parent?: Ref<Area> | null;

  @Property({ type: 'double', nullable: true })
  @Field(() => LatitudeScalar, { nullable: true, description: 'Latitude of the centroid (WGS84).' })
  latitude?: number | null;

  @Property({ type: 'double', nullable: true })
  @Field(() => LongitudeScalar, { nullable: true, description: 'Longitude of the centroid (WGS84).' })
  longitude?: number | null;

  @Property({ type: 'integer', nullable: true })
  @Field(() => NonNegativeIntScalar, { nullable: true, description: 'Residents, when known; used to weigh coverage gaps.' })
  residents?: number | null;
}
