import type { EntityManager } from '@mikro-orm/postgresql';
import { Arg, Ctx, Field, FieldResolver, Float, Int, ObjectType, Query, registerEnumType, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../core/context.js';
import { badInput } from '../core/errors.js';
import { NodeEntity } from '../core/node.js';
import { loadNode } from '../core/node.resolver.js';
import { pageSize } from '../core/pagination.js';
import { DateTimeScalar } from '../core/scalars.js';
import { rankedHighlights } from './highlight.store.js';
import { HighlightKind } from './ranking.js';

registerEnumType(HighlightKind, { name: 'HighlightKind', description: 'What kind of news a highlight is.' });

@ObjectType('Highlight', { description: 'Something worth telling the network about, ranked for a newsletter.' })
export class Highlight {
  @Field(() => HighlightKind, { description: 'What kind of news.' })
  kind!: HighlightKind;

  @Field(() => String, { description: 'Danish headline; never names a person.' })
  title!: string;

  @Field(() => String, { description: 'Danish summary; never personal data.' })
  summary!: string;

  @Field(() => DateTimeScalar, { description: 'When it happened (for ACTIVITY_STARTING: the start).' })
  occurredAt!: Date;

  @Field(() => Float, { description: 'Rank: kind weight x recency x reach, lowered for the plan and kind already above it (see the README).' })
  score!: number;

  subjectType!: string;
  subjectId!: number;
  planId!: number | null;
}

/**
 * highlights(since, until, first): candidates of every kind in the period, scored
 *   kind weight x (0.5 + 0.5 recency) x (0.7 + 0.3 reach)
 * (recency 1 at the end of the period, 0 at its start; reach from capacity or residents), then picked greedily,
 * each pick lowering the plan's other items by 0.6 and the kind's by 0.8 per item already picked.
 * Equal scores keep a stable order: newer first, then kind, then subject.
 */
export async function highlights(em: EntityManager, since: Date, until: Date | null | undefined, first: number | null | undefined): Promise<Highlight[]> {
  const end = until ?? new Date();
  const limit = pageSize(first, 20);
  if (end <= since) throw badInput('until must be after since', { argument: 'until' });
  return (await rankedHighlights(em, since, end, limit)).map((picked) => Object.assign(new Highlight(), picked));
}

@Resolver(() => Highlight)
export class HighlightResolver {
  @Query(() => [Highlight], { description: 'Ranked items for a newsletter; publishable content only, never personal data.' })
  highlights(
    @Ctx() { em }: HubContext,
    @Arg('since', () => DateTimeScalar, { description: 'Start of the period.' }) since: Date,
    @Arg('until', () => DateTimeScalar, { nullable: true, description: 'End of the period; default now.' }) until?: Date | null,
    @Arg('first', () => Int, { nullable: true, description: 'How many, default 20, at most 100.' }) first?: number | null,
  ): Promise<Highlight[]> {
    return highlights(em, since, until, first);
  }

  @FieldResolver(() => NodeEntity, { nullable: true, description: 'The plan, activity, experience, indicator or evaluation it is about.' })
  subject(@Root() highlight: Highlight, @Ctx() { loaders }: HubContext) {
    return loadNode(loaders, highlight.subjectType, highlight.subjectId);
  }
}
