import { GraphQLError } from 'graphql';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { formatError, MAX_BODY_BYTES } from '../server/core/http.js';
import { startTestHub, type TestHub } from './support/hub.js';

let t: TestHub;
let base: string;
beforeAll(async () => {
  t = await startTestHub();
  base = t.hub.url.replace('/graphql', '');
});
afterAll(() => t?.stop());

describe('HTTP', () => {
  test('malformed requests get a 4xx answer, never a stack trace', async () => {
    const post = (body: string, type = 'application/json') =>
      fetch(t.hub.url, { method: 'POST', headers: { 'content-type': type, authorization: `Bearer ${t.users.READER.token}` }, body });
    const notJson = await post('{"query": ');
    expect(notJson.status).toBe(400);
    expect(await notJson.text()).toContain('not valid JSON');
    expect((await post('{}')).status).toBe(400);
    expect((await post(JSON.stringify({ query: '{ plans { nope } }' }))).status).toBe(400);
    const huge = await post(JSON.stringify({ query: `{ plans { totalCount } } # ${'x'.repeat(MAX_BODY_BYTES)}` }));
    expect(huge.status).toBe(413);
    expect((await fetch(`${base}/nowhere`)).status).toBe(404);
    expect((await fetch(t.hub.url, { method: 'DELETE', headers: { authorization: `Bearer ${t.users.READER.token}` } })).status).toBe(405);
  });

  test('GET queries work for clients that say they are not a browser form (CSRF prevention)', async () => {
    const query = encodeURIComponent('{ plans { totalCount } }');
    const authorization = `Bearer ${t.users.READER.token}`;
    const allowed = await fetch(`${t.hub.url}?query=${query}`, { headers: { 'apollo-require-preflight': 'true', authorization } });
    expect(await allowed.json()).toEqual({ data: { plans: { totalCount: 35 } } });
    const blocked = await fetch(`${t.hub.url}?query=${query}`, { headers: { authorization } });
    expect(blocked.status).toBe(400);
  });

  test('every response carries a request id that the hub made, whatever the client sent', async () => {
    const ids = [];
    for (const sent of ['trace-me', 'x'.repeat(5000), 'evil\tline', undefined]) {
      const response = await fetch(t.hub.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(sent ? { 'x-request-id': sent } : {}), authorization: `Bearer ${t.users.READER.token}` },
        body: JSON.stringify({ query: '{ themes { code } }' }),
      });
      ids.push(response.headers.get('x-request-id'));
    }
    for (const id of ids) expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Set(ids).size).toBe(4);
  });
});

describe('error masking', () => {
  const internal = { message: 'relation "secret_table" does not exist', extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at x.ts:1'] } };

  test('internal errors reach the caller as a plain message naming the request', () => {
    const masked = formatError(false)(internal, new Error('relation "secret_table" does not exist'));
    expect(masked).toEqual({ message: 'Internal server error (request id unknown)', path: undefined, extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(JSON.stringify(masked)).not.toContain('secret_table');
  });

  test('user mistakes and development mode keep their message', () => {
    const bad = { message: 'first must be between 0 and 100', extensions: { code: 'BAD_USER_INPUT' } };
    expect(formatError(false)(bad, new GraphQLError(bad.message))).toBe(bad);
    expect(formatError(true)(internal, new Error('x'))).toBe(internal);
  });
});
