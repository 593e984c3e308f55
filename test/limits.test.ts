import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse, specifiedRules, validate } from 'graphql';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadConfig } from '../server/core/config.js';
import { queryProtection } from '../server/core/limits.js';
import { hubSchema } from '../server/core/schema.js';
import { Role } from '../server/core/enums.js';
import { startTestHub, testConfig, type TestHub } from './support/hub.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

describe('query limits with the defaults', () => {
  let t: TestHub;
  beforeAll(async () => {
    t = await startTestHub({ config: { limits: loadConfig({}).limits } });
  });
  afterAll(() => t?.stop());

  test('every operation in the README and the SDK passes the default limits', async () => {
    const schema = await hubSchema();
    const rules = [...specifiedRules, ...queryProtection(testConfig({ limits: loadConfig({}).limits })).validationRules];
    const readme = [...readFileSync(`${ROOT}README.md`, 'utf8').matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]!);
    // The SDK's operations share fragments across files: one document.
    const sdk = readdirSync(`${ROOT}client-sdk/operations`).map((f) => readFileSync(`${ROOT}client-sdk/operations/${f}`, 'utf8')).join('\n');
    const nested = '{ plans(first: 35) { nodes { areas { name } lead { name } activities(first: 50) { nodes { targetGroups { name } areas { name } method { name } themes { name } partners { name } } } } } }';
    for (const source of [...readme, sdk, nested]) expect(validate(schema, parse(source), rules).map((e) => e.message)).toEqual([]);
  });

  test('a query 20 levels deep is refused with a clear error', async () => {
    let selection = 'id';
    for (let i = 0; i < 10; i++) selection = `parent { children { ${selection} } }`;
    const result = await t.gql(`{ areas { ${selection} } }`);
    expect(result.status).toBe(400);
    expect(result.errors?.[0]?.message).toMatch(/depth/i);
  });

  test('a query with 100 aliases is refused with a clear error', async () => {
    const aliases = Array.from({ length: 100 }, (_, i) => `a${i}: themes { code }`).join(' ');
    const result = await t.gql(`{ ${aliases} }`);
    expect(result.status).toBe(400);
    expect(result.errors?.[0]?.message).toMatch(/aliases/i);
  });

  test('a document of more than 2,000 tokens is refused by the parser, with HTTP 400', async () => {
    const result = await t.gql(`{ ${Array.from({ length: 700 }, () => 'themes { code }').join(' ')} }`);
    expect(result.status).toBe(400);
    expect(result.errors?.[0]?.message).toMatch(/Document contains more (than|that) 2000 tokens/);
  });

  test('field suggestions are not given away outside development', async () => {
    const result = await t.gql('{ plan(code: "VOL-OEST") { nam } }');
    expect(result.errors?.[0]?.message).not.toMatch(/Did you mean/);
  });
});

describe('rate limit', () => {
  let t: TestHub;
  beforeAll(async () => {
    t = await startTestHub({ config: { rateLimitPerMinute: 5 } });
  });
  afterAll(() => t?.stop());

  test('past the limit a caller gets HTTP 429 with Retry-After; other callers are not affected', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await t.gql('{ themes { code } }', undefined, Role.READER)).status);
    expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    expect(statuses.slice(5)).toEqual([429, 429]);
    const response = await fetch(t.hub.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${t.users.READER.token}` },
      body: JSON.stringify({ query: '{ themes { code } }' }),
    });
    expect(response.status).toBe(429);
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect((await t.gql('{ themes { code } }', undefined, Role.COORDINATOR)).status).toBe(200);
  });
});
