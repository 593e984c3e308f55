import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/**
 * The newsletter's candidates, phrased and cleared of personal data (derived data): rebuilt from the city's tables
 * when they have changed since the last build (server/newsletter/highlight.store.ts), so that a request only reads
 * its period's rows and ranks them.
 */
@Entity({ tableName: 'highlight_item' })
@Index({ name: 'highlight_item_occurred_index', properties: ['occurredAt'] })
@Index({ name: 'highlight_item_day_index', properties: ['kind', 'day'] })
export class HighlightItem {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Property({ type: 'string', length: 32 })
  kind!: string;

  @Property({ type: 'string', length: 32 })
  subjectType!: string;

  @Property({ type: 'integer' })
  subjectId!: number;

  @Property({ type: 'integer', nullable: true })
  planId?: number | null;

  @Property({ type: 'text' })
  title!: string;

  @Property({ type: 'text' })
  summary!: string;

  @Property({ type: 'datetime' })
  occurredAt!: Date;

  /** The day its period filter reads for ACTIVITY_STARTING (the start) and TARGET_REACHED (the measured period's end). */
  @Property({ type: 'date', nullable: true })
  day?: string | null;

  @Property({ type: 'double' })
  reach!: number;
}
