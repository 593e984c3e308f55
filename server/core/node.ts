import { OptionalProps } from '@mikro-orm/core';
import { PrimaryKey } from '@mikro-orm/decorators/legacy';
import { Field, ID, InterfaceType } from 'type-graphql';
import { toGlobalId } from './global-id.js';

/** Every addressable entity: a numeric primary key in the database, an opaque global id in the API. */
@InterfaceType('Node', {
  description: 'Anything addressable by a global, opaque id. node(id) returns it.',
  resolveType: (value: object) => value.constructor.name,
})
export abstract class NodeEntity {
  /** Properties em.create may leave out: derived, or defaulted by the entity. */
  declare [OptionalProps]?: 'globalId' | 'createdAt' | 'updatedAt' | 'version' | 'archived' | 'status' | 'schedule';

  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Field(() => ID, { name: 'id', description: 'Global, opaque id; node(id) returns this object.' })
  get globalId(): string {
    return toGlobalId(this.constructor.name, this.id);
  }
}
