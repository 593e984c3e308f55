import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse, specifiedRules, validate } from 'graphql';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadConfig } from '../server/core/config.js';
import { queryProtection } from '../server/core/limits.js';
import { hubSchema } from '../server/modules.js';
import { Role } from '../server/core/enums.js';
import { SharedRateLimiter } from '../server/core/rate-limit.js';
import { clientAddress } from '../server/core/http.js';
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
    const sdk = readdirSync(`${ROOT}client-sdk/operations`)
      .map((f) => readFileSync(`${ROOT}client-sdk/operations/${f}`, 'utf8'))
      .join('\n');
    const nested =
      '{ plans(first: 35) { nodes { areas { name } lead { name } activities(first: 50) { nodes { targetGroups { name } areas { name } method { name } themes { name } partners { name } } } } } }';
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

  test("the issue's heavy reads are refused before execution, with HTTP 400 naming the cost limit", async () => {
    const crossed = 'methods { activities(first: 100) { nodes { method { activities(first: 100) { nodes { id title startDate plan { code name } } } } } } }';
    const chains = [
      `{ a0: ${crossed} a1: ${crossed} a2: ${crossed} }`,
      '{ areas { plans { activities(first: 100) { nodes { areas { plans { activities(first: 100) { nodes { id title } } } } } } } } }',
      '{ actionItems { meeting { steeringGroup { meetings { actionItems { meeting { steeringGroup { meetings { actionItems { id description } } } } } } } } } }',
    ];
    for (const query of chains) {
      const result = await t.gql(query, undefined, Role.READER);
      expect(result.status).toBe(400);
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_LIMIT', limit: 'HUB_MAX_COST' });
      expect(result.errors?.[0]?.message).toMatch(/more than the limit of 50,000 \(HUB_MAX_COST\)/);
      expect(result.data).toBeUndefined();
    }
  });

  test('the cost counts page sizes given in variables', async () => {
    const query = 'query($n: Int) { methods { activities(first: $n) { nodes { method { activities(first: $n) { nodes { id } } } } } } }';
    expect((await t.gql(query, { n: 5 }, Role.READER)).status).toBe(200);
    expect((await t.gql(query, { n: 100 }, Role.READER)).errors?.[0]?.extensions?.limit).toBe('HUB_MAX_COST');
  });

  test('a document with more fields than validation should compare is refused before validation', async () => {
    const fields = Array.from({ length: 400 }, () => 'code').join(' ');
    const started = performance.now();
    const result = await t.gql(`{ themes { ${fields} } } # ${Math.random()}`);
    expect(result.status).toBe(400);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_LIMIT', limit: 'HUB_MAX_SELECTIONS' });
    expect(performance.now() - started).toBeLessThan(1000);
  });

  test('field suggestions are not given away outside development', async () => {
    const result = await t.gql('{ plan(code: "VOL-OEST") { nam } }');
    expect(result.errors?.[0]?.message).not.toMatch(/Did you mean/);
  });
});

describe('the execution budget, the second line behind the cost limit', () => {
  let t: TestHub;
  beforeAll(async () => {
    t = await startTestHub({ config: { limits: { ...loadConfig({}).limits, answerFields: 10 } } });
  });
  afterAll(() => t?.stop());

  test('a query whose answer outgrows the budget is refused whole, with HTTP 400 and no partial data', async () => {
    const result = await t.gql('{ activities(first: 10) { nodes { id title } } }', undefined, Role.READER);
    expect(result.status).toBe(400);
    expect(result.data).toBeUndefined();
    expect(result.errors).toHaveLength(1);
    expect(result.errors?.[0]?.extensions).toEqual({ code: 'QUERY_LIMIT', limit: 'HUB_MAX_ANSWER_FIELDS' });
    expect((await t.gql('{ themes { code } }', undefined, Role.READER)).status).toBe(200);
  });

  test('mutations are not stopped by the budget: a write that committed is answered', async () => {
    const planId = await t.idOf('Plan', "select id from plan where code = 'VOL-OEST'");
    const result = await t.mutate(
      'createIndicator',
      'CreateIndicatorInput',
      { planId, name: 'Budget', unit: 'antal', direction: 'INCREASE', target: 10 },
      'indicator { id name unit direction target baseline plan { code name status areas { name } } }',
    );
    expect(result.userErrors).toEqual([]);
    expect(result.indicator.name).toBe('Budget');
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

  test("made-up tokens share their address's bucket and end in 429, but never lock a valid token of that address out", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await t.gql('{ themes { code } }', undefined, { token: `hub_made_up_${i}_${Math.random()}` })).status);
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5)).toEqual([429, 429, 429]);
    // 700 of them from one address (behind a proxy: everyone's) used to lock every real user of that address out.
    expect((await t.gql('{ themes { code } }', undefined, Role.PROJECT_LEAD)).status).toBe(200);
    expect((await t.gql('{ themes { code } }', undefined, { token: 'hub_yet_another_made_up_token' })).status).toBe(429);
  });

  test('the buckets are shared by every hub on the database; many takes of one key at once get what the bucket holds', async () => {
    const hubs = [0, 1].map(() => new SharedRateLimiter({ databaseUrl: t.database.url, perMinute: 4, available: () => true, log: () => undefined }));
    try {
      const key = `t:shared-${Math.random()}`;
      // Ten at once, five through each: one statement per hub and turn, each with a count of five for the key.
      const taken = await Promise.all(Array.from({ length: 10 }, (_, i) => hubs[i % 2]!.take(key)));
      expect(taken.filter((x) => x.ok)).toHaveLength(4);
      for (const refused of taken.filter((x) => !x.ok)) expect(refused).toEqual({ ok: false, retryAfterSeconds: expect.any(Number) });
      expect(await hubs[1]!.take(`t:other-${Math.random()}`)).toEqual({ ok: true });
    } finally {
      await Promise.all(hubs.map((hub) => hub.close()));
    }
  });

  test('while PostgreSQL cannot answer, a hub counts alone and says so once', async () => {
    const said: string[] = [];
    const limiter = new SharedRateLimiter({
      databaseUrl: 'postgresql://hub:x@127.0.0.1:1/hub',
      perMinute: 2,
      available: () => true,
      log: (line) => said.push(line),
    });
    try {
      const taken = [];
      for (let i = 0; i < 3; i++) taken.push((await limiter.take('a:198.51.100.9')).ok);
      expect(taken).toEqual([true, true, false]);
      expect(said).toHaveLength(1);
      expect(said[0]).toMatch(/^rate limit: counted by this hub alone for now/);
    } finally {
      await limiter.close();
    }
  });

  test('behind HUB_TRUST_PROXY proxies the address is the one the farthest trusted proxy saw; without it X-Forwarded-For is ignored', async () => {
    const socket = { remoteAddress: '10.0.0.2' } as never;
    const forwarded = (value?: string) => ({ headers: value === undefined ? {} : { 'x-forwarded-for': value }, socket });
    expect(clientAddress(forwarded('203.0.113.7'), 0)).toBe('10.0.0.2');
    expect(clientAddress(forwarded('203.0.113.7'), 1)).toBe('203.0.113.7');
    // A client's own claim left of what the trusted proxy appended is not believed.
    expect(clientAddress(forwarded('6.6.6.6, 203.0.113.7'), 1)).toBe('203.0.113.7');
    expect(clientAddress(forwarded('6.6.6.6, 203.0.113.7, 10.0.0.1'), 2)).toBe('203.0.113.7');
    // Fewer entries than trusted proxies: the farthest address there is.
    expect(clientAddress(forwarded(), 1)).toBe('10.0.0.2');
    expect(clientAddress(forwarded('203.0.113.7'), 3)).toBe('203.0.113.7');
  });

  test('with HUB_TRUST_PROXY=1 two clients behind one proxy have buckets of their own', async () => {
    const proxied = await startTestHub({ config: { rateLimitPerMinute: 3, trustProxy: 1 } });
    try {
      const ask = (client: string, token: string) =>
        fetch(proxied.hub.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-forwarded-for': client },
          body: JSON.stringify({ query: '{ themes { code } }' }),
        }).then((r) => r.status);
      const stranger: number[] = [];
      for (let i = 0; i < 5; i++) stranger.push(await ask('198.51.100.1', `hub_made_up_${i}_${Math.random()}`));
      expect(stranger).toEqual([401, 401, 401, 429, 429]);
      // Another client's failed sign-in behind the same proxy is counted on its own address.
      expect(await ask('198.51.100.2', 'hub_made_up_once_more')).toBe(401);
      expect(await ask('198.51.100.1', proxied.users.READER.token)).toBe(200);
    } finally {
      await proxied.stop();
    }
  });
});
