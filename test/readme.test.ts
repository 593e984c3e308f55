import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse, validate } from 'graphql';
import { expect, test } from 'vitest';
import { hubSchema } from '../server/core/schema.js';

const README = readFileSync(fileURLToPath(new URL('../README.md', import.meta.url)), 'utf8');
const blocks = [...README.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]!);

test('the README shows example operations', () => {
  expect(blocks.length).toBeGreaterThanOrEqual(6);
});

test.each(blocks.map((block, i) => ({ i, block })))('README example $i is valid against the served schema', async ({ block }) => {
  expect(validate(await hubSchema(), parse(block)).map((e) => e.message)).toEqual([]);
});
