import { Entity, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType } from 'type-graphql';
import { NodeEntity } from '../core/node.js';

@Entity({ tableName: 'method' })
@ObjectType('Method', {
  implements: NodeEntity,
  description: 'A kind of activity in the shared method catalogue (indsatskatalog), e.g. Lektiecafé, Bydelsmødre.',
})
export class Method extends NodeEntity {
  @Unique()
  @Property({ type: 'string', length: 64 })
  @Field(() => String, { description: 'Short unique code.' })
  code!: string;

  @Property({ type: 'string', length: 200 })
  @Field(() => String, { description: 'Name of the method.' })
  name!: string;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'What the method is and how it is usually run.' })
  description?: string | null;

  @Property({ type: 'text[]', columnType: 'text[]', defaultRaw: "'{}'" })
  @Field(() => [String], {
    description:
      'Danish words that show the method in a title or description (a word, or the start or part of a compound: "lektie" finds "lektiehjælp"); the hub infers the method of activities registered without one from them.',
  })
  keywords: string[] = [];
}
