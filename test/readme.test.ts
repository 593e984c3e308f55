import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse, validate } from 'graphql';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Role } from '../server/core/enums.js';
import { hubSchema } from '../server/core/schema.js';
import { startTestHub, type TestHub } from './support/hub.js';

const README = readFileSync(fileURLToPath(new URL('../README.md', import.meta.url)), 'utf8');
const blocks = [...README.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]!);

test('the README shows example operations', () => {
  expect(blocks.length).toBeGreaterThanOrEqual(6);
});

test.each(blocks.map((block, i) => ({ i, block })))('README example $i is valid against the served schema', async ({ block }) => {
  expect(validate(await hubSchema(), parse(block)).map((e) => e.message)).toEqual([]);
});

describe('README examples run against the demo city', () => {
  let t: TestHub;
  beforeAll(async () => {
    t = await startTestHub();
  });
  afterAll(() => t?.stop());
  const example = (name: string) => blocks.find((block) => block.includes(`mutation ${name}(`))!;

  test('Register: a homework café without a method is known by its words and meets the homework cafés of Vollsmose', async () => {
    const variables = {
      plan: await t.idOf('Plan', "select id from plan where code = 'VOL-OEST'"),
      estate: await t.idOf('Area', "select id from area where code = 'vollsmose-boegeparken'"),
      children: await t.idOf('TargetGroup', "select id from target_group where code = 'skoleboern'"),
    };
    const result = await t.gql(example('Register'), variables, Role.PROJECT_LEAD);
    expect(result.errors).toBeUndefined();
    const answer = result.data.createActivity;
    expect(answer.userErrors).toEqual([]);
    expect(answer.activity.inferredMethod).toMatchObject({ method: { name: 'Lektiecafé' }, confidence: 0.87, words: ['lektiecafé'] });
    const others = answer.similarActivities.map((o: { activities: { title: string }[] }) => o.activities.map((a) => a.title).filter((title) => title !== 'Lektiecafé for 4.-6. klasse')).flat();
    expect(others.length).toBeGreaterThanOrEqual(3);
    expect(others).toContain('Lektiecafé i Bøgeparkens beboerhus');
    for (const title of others) expect(title).toMatch(/^Lektiecafé/);
  });
});
