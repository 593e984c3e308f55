import fc from 'fast-check';
import { serverAudits } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestHub, type TestHub } from './support/hub.js';

let t: TestHub;
beforeAll(async () => {
  t = await startTestHub();
});
afterAll(() => t?.stop());

describe('GraphQL over HTTP', () => {
  test('graphql-http server audits: no MUST fails', async () => {
    const authorised: typeof fetch = (input, init) => {
      const headers = new Headers(init?.headers);
      headers.set('authorization', `Bearer ${t.users.READER.token}`);
      return fetch(input, { ...init, headers });
    };
    const failures: string[] = [];
    for (const audit of serverAudits({ url: t.hub.url, fetchFn: authorised })) {
      const result = await audit.fn();
      if (audit.name.startsWith('MUST') && result.status !== 'ok') failures.push(`${audit.name}: ${result.reason}`);
    }
    expect(failures).toEqual([]);
  });
});

describe('fuzzing the live hub', () => {
  const post = async (body: string, contentType = 'application/json') => {
    const response = await fetch(t.hub.url, {
      method: 'POST',
      headers: { 'content-type': contentType, authorization: `Bearer ${t.users.COORDINATOR.token}` },
      body,
    });
    const text = await response.text();
    return { status: response.status, text };
  };
  const healthy = async () => (await post(JSON.stringify({ query: '{ themes { code } }' }))).status === 200;
  const noFault = ({ status, text }: { status: number; text: string }) => {
    expect(status).toBeLessThan(500);
    expect(text).not.toMatch(/\n\s+at .*\.(ts|js):\d+/);
  };

  test('random documents and bodies: never a 5xx, never a stack trace', async () => {
    const pieces = fc.constantFrom(
      '{',
      '}',
      '(',
      ')',
      'query',
      'mutation',
      'plans',
      'activities',
      'first:',
      '1000',
      '-1',
      '"x"',
      '$v',
      '...',
      'on',
      'Plan',
      'nodes',
      'id',
      '@include(if: true)',
      'fragment F on Query',
      '__schema',
      'node(id: "x")',
      'overlaps',
      'filter: {',
      'minScore: 2',
      'null',
    );
    await fc.assert(
      fc.asyncProperty(fc.array(pieces, { maxLength: 30 }), async (tokens) => noFault(await post(JSON.stringify({ query: tokens.join(' ') })))),
      { numRuns: 150 },
    );
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 300 }), async (raw) => noFault(await post(raw))),
      { numRuns: 100 },
    );
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 4 }), async (value) => noFault(await post(JSON.stringify(value)))),
      { numRuns: 100 },
    );
    expect(await healthy()).toBe(true);
  });

  test('random variables and mutation inputs: answered with userErrors or a 4xx, never a fault or a partial write', async () => {
    const [{ n: before }] = (await t.hub.orm.em.fork().execute('select count(*)::int as n from activity')) as { n: number }[];
    const anything = fc.oneof(
      fc.string({ maxLength: 50 }),
      fc.integer(),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
      fc.array(fc.string({ maxLength: 20 }), { maxLength: 3 }),
    );
    const input = fc.record(
      {
        planId: anything,
        title: anything,
        targetGroupIds: anything,
        areaIds: anything,
        startDate: anything,
        endDate: anything,
        schedule: fc.oneof(anything, fc.array(fc.record({ weekday: anything, startTime: anything, endTime: anything }), { maxLength: 3 })),
        capacity: anything,
        status: anything,
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(input, async (value) => {
        const result = await post(
          JSON.stringify({
            query: 'mutation($input: CreateActivityInput!) { createActivity(input: $input) { activity { id } userErrors { code } } }',
            variables: { input: value },
          }),
        );
        noFault(result);
        if (result.status === 200) expect(JSON.parse(result.text).data.createActivity.activity).toBeNull();
      }),
      { numRuns: 150 },
    );
    const [{ n: after }] = (await t.hub.orm.em.fork().execute('select count(*)::int as n from activity')) as { n: number }[];
    expect(after).toBe(before);
    expect(await healthy()).toBe(true);
  });
});
