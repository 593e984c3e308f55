#!/usr/bin/env node
// npx hub-newsletter --since 2026-11-01 [--until 2026-11-30] [--format md|html] [--max N] [--out FILE]; reads HUB_URL and HUB_TOKEN.
import fs from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { createHubClient, HubAuthError, HubGraphQLError, HubTransportError } from './client.js';
import { renderHtml, renderMarkdown } from './newsletter.js';

const USAGE = `Renders a Danish newsletter draft from the hub's highlights.

  npx hub-newsletter --since 2026-11-01 [--until 2026-11-30] [--format md|html] [--max N] [--out FILE]

  --max N    at most N news items, best first (default 30, at most 100)
  --out FILE write the draft to FILE instead of standard output

  HUB_URL    the hub's GraphQL endpoint (default http://localhost:4000/graphql)
  HUB_TOKEN  a bearer token, best a READER's (the demo tokens are in .data/demo-tokens.json)`;

function fail(message: string, code: number): never {
  console.error(message);
  process.exit(code);
}

/** A date (YYYY-MM-DD, read as midnight in Copenhagen's winter offset) or a full ISO instant. */
function instant(value: string, name: string): string {
  const iso = /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00+01:00` : value;
  const parsed = new Date(iso);
  if (Number.isNaN(parsed.getTime())) fail(`--${name} must be a date such as 2026-11-01, got "${value}"\n\n${USAGE}`, 2);
  return parsed.toISOString();
}

let values;
try {
  values = parseArgs({
    options: {
      since: { type: 'string' },
      until: { type: 'string' },
      format: { type: 'string', default: 'md' },
      max: { type: 'string', default: '30' },
      out: { type: 'string' },
      help: { type: 'boolean' },
    },
  }).values;
} catch (error) {
  fail(`${(error as Error).message}\n\n${USAGE}`, 2);
}
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
if (!values.since) fail(`--since is required\n\n${USAGE}`, 2);
if (values.format !== 'md' && values.format !== 'html') fail(`--format must be md or html, got "${values.format}"`, 2);
const max = Number(values.max);
if (!Number.isInteger(max) || max < 1 || max > 100) fail(`--max must be a whole number from 1 to 100, got "${values.max}"`, 2);
const url = process.env.HUB_URL || 'http://localhost:4000/graphql';
const token = process.env.HUB_TOKEN;
if (!token) fail(`HUB_TOKEN is not set\n\n${USAGE}`, 2);
const since = instant(values.since, 'since');
const until = values.until ? instant(values.until, 'until') : new Date().toISOString();

const client = createHubClient({ url, token, retries: 2 });
try {
  const items = await client.highlights({ since, until, first: max });
  const draft = values.format === 'html' ? renderHtml(items, { since, until }) : renderMarkdown(items, { since, until });
  if (values.out) {
    await fs.writeFile(values.out, draft);
    console.error(`Wrote ${items.length} items to ${values.out}`);
  } else {
    process.stdout.write(draft);
  }
} catch (error) {
  if (error instanceof HubAuthError) fail(`The hub at ${url} refused the token in HUB_TOKEN.`, 1);
  if (error instanceof HubTransportError) fail(error.message, 1);
  if (error instanceof HubGraphQLError) fail(`The hub refused the request: ${error.message}`, 1);
  throw error;
}
