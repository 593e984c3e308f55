import { createHash } from 'node:crypto';
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

  // Readers (the tokens below) see 34 of the 35 plans: the DRAFT plan is hidden from them.
  test('no GraphQL runs without a token, whatever the method, headers or extensions; the landing page is a plain browser GET', async () => {
    const query = '{ plans { totalCount } }';
    const hash = createHash('sha256').update(query).digest('hex');
    const extensions = encodeURIComponent(JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hash } }));
    // A signed-in caller registers the query as an automatic persisted query.
    const registered = await fetch(`${t.hub.url}?query=${encodeURIComponent(query)}&extensions=${extensions}`, {
      headers: { authorization: `Bearer ${t.users.READER.token}`, 'apollo-require-preflight': 'true' },
    });
    expect(await registered.json()).toEqual({ data: { plans: { totalCount: 34 } } });
    for (const accept of ['text/html', 'text/html, application/json', 'application/json, text/html;q=0.1']) {
      const anonymous = await fetch(`${t.hub.url}?extensions=${extensions}`, { headers: { accept, 'apollo-require-preflight': 'true' } });
      expect(anonymous.status).toBe(401);
      expect(await anonymous.text()).not.toContain('totalCount');
    }
    for (const params of ['?variables=%7B%7D', '?operationName=X', `?query=${encodeURIComponent(query)}`]) {
      expect((await fetch(`${t.hub.url}${params}`, { headers: { accept: 'text/html' } })).status).toBe(401);
    }
    const landing = await fetch(t.hub.url, { headers: { accept: 'text/html' } });
    expect(landing.status).toBe(200);
    expect(landing.headers.get('content-type')).toContain('text/html');
    expect(
      (await fetch(t.hub.url, { method: 'POST', headers: { accept: 'text/html', 'content-type': 'application/json' }, body: JSON.stringify({ query }) }))
        .status,
    ).toBe(401);
  });

  test('GET queries work for clients that say they are not a browser form (CSRF prevention)', async () => {
    const query = encodeURIComponent('{ plans { totalCount } }');
    const authorization = `Bearer ${t.users.READER.token}`;
    const allowed = await fetch(`${t.hub.url}?query=${query}`, { headers: { 'apollo-require-preflight': 'true', authorization } });
    expect(await allowed.json()).toEqual({ data: { plans: { totalCount: 34 } } });
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
