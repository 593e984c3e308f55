import { ReferenceKind, type EntityClass, type EntityProperty } from '@mikro-orm/core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ormParts } from '../server/modules.js';
import { readModelOf } from '../server/core/read-model.js';
import { rows } from '../server/core/sql.js';
import { startTestHub, type TestHub } from './support/hub.js';

let t: TestHub;
beforeAll(async () => {
  t = await startTestHub();
});
afterAll(() => t?.stop());

// What a resolver can read of an object: its scalar properties, and the id of each reference.
function visible(item: object, props: EntityProperty[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const prop of props) {
    const value = (item as Record<string, unknown>)[prop.name];
    out[prop.name] =
      prop.kind === ReferenceKind.SCALAR ? (value instanceof Date ? value.toISOString() : value) : ((value as { id?: number } | null | undefined)?.id ?? null);
  }
  return out;
}

test.each(
  ormParts.entities
    .filter((e) =>
      [
        'Area',
        'Person',
        'Plan',
        'Activity',
        'Method',
        'Experience',
        'Indicator',
        'Meeting',
        'ActionItem',
        'SteeringGroup',
        'Evaluation',
        'User',
        'TargetGroup',
        'Theme',
        'Organisation',
        'Measurement',
      ].includes(e.name),
    )
    .map((entity) => ({ name: entity.name, entity: entity as EntityClass<object> })),
)('read models of every $name of the demo city hold what the entities hold, and are of its class', async ({ entity }) => {
  const em = t.hub.orm.em.fork();
  const toModel = readModelOf(em, entity);
  const meta = em.getMetadata().get(entity);
  const props = (Object.values(meta.properties) as EntityProperty[]).filter(
    (p) =>
      !p.lazy &&
      p.persist !== false &&
      (p.kind === ReferenceKind.SCALAR || p.kind === ReferenceKind.MANY_TO_ONE || (p.kind === ReferenceKind.ONE_TO_ONE && p.owner)),
  );
  const stored = await rows(em, `select ${toModel.columns} from ${toModel.table} t order by t.id limit 3000`);
  expect(stored.length).toBeGreaterThan(0);
  const models = stored.map(toModel);
  const managed = await em.fork().find(entity, {}, { orderBy: { id: 'asc' } as never, limit: 3000 });
  expect(models.map((m) => visible(m, props))).toEqual(managed.map((m) => visible(m, props)));
  expect(models.every((m) => m instanceof entity)).toBe(true);
  // Nothing enters the identity map.
  expect(em.getUnitOfWork().getIdentityMap().values().length).toBe(0);
});

test('plain reads number their placeholders outside quoted strings and comments: an apostrophe in a comment starts no string', async () => {
  const [row] = await rows(t.hub.orm.em.fork(), "select ?::int as a, -- the pair's first\n 'it''s ?' as quoted, ?::int as b", [1, 2]);
  expect(row).toEqual({ a: 1, quoted: "it's ?", b: 2 });
});
