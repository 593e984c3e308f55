#!/usr/bin/env node
// npx hub-newsletter --since 1.11.2026 [--until 30.11.2026] [--format md|html] [--max N] [--out FILE]; reads HUB_URL and HUB_TOKEN.
import fs from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { createHubClient, HubAuthError, HubGraphQLError, HubTransportError } from './client.js';
import { DateInputError, parseCommandDate } from './dates.js';
import { renderHtml, renderMarkdown } from './newsletter.js';

const USAGE = `Laver et udkast til nyhedsbrevet (på dansk) ud fra hubbens højdepunkter.

  npx hub-newsletter --since 1.11.2026 [--until 30.11.2026] [--format md|html] [--max N] [--out FIL]

  --since DATO  fra og med denne dag (1.11.2026, 01-11-2026 eller 2026-11-01)
  --until DATO  til og med denne dag (standard: til nu)
  --format      md (Markdown, standard) eller html (e-mail)
  --max N       højst N nyheder, de bedste først (standard 30, højst 100)
  --out FIL     skriv udkastet i FIL i stedet for på skærmen

  HUB_URL       hubbens GraphQL-adresse (standard http://localhost:4000/graphql)
  HUB_TOKEN     en nøgle, helst en læsers (demo-nøglerne ligger i .data/demo-tokens.json)`;

function fail(message: string, code: number): never {
  console.error(message);
  process.exit(code);
}

/** A date as the user wrote it, or the command stops with the reason in Danish. */
function instant(value: string, name: string, endOfDay: boolean): string {
  try {
    return parseCommandDate(value, { endOfDay });
  } catch (error) {
    if (error instanceof DateInputError) fail(`--${name}: ${error.message}\n\n${USAGE}`, 2);
    throw error;
  }
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
  fail(`Ukendt eller ufuldstændigt valg: ${(error as Error).message}\n\n${USAGE}`, 2);
}
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
if (!values.since) fail(`Angiv --since: den første dag, nyhedsbrevet dækker\n\n${USAGE}`, 2);
if (values.format !== 'md' && values.format !== 'html') fail(`--format skal være md eller html, ikke "${values.format}"`, 2);
const max = Number(values.max);
if (!Number.isInteger(max) || max < 1 || max > 100) fail(`--max skal være et helt tal fra 1 til 100, ikke "${values.max}"`, 2);
const url = process.env.HUB_URL || 'http://localhost:4000/graphql';
const token = process.env.HUB_TOKEN;
if (!token) fail(`HUB_TOKEN er ikke sat: den nøgle, kommandoen spørger hubben med\n\n${USAGE}`, 2);
const since = instant(values.since, 'since', false);
const until = values.until ? instant(values.until, 'until', true) : new Date().toISOString();
if (since >= until) fail(`--since skal ligge før --until`, 2);

const client = createHubClient({ url, token, retries: 2 });
try {
  const items = await client.highlights({ since, until, first: max });
  const draft = values.format === 'html' ? renderHtml(items, { since, until }) : renderMarkdown(items, { since, until });
  if (values.out) {
    await fs.writeFile(values.out, draft);
    console.error(`${items.length} nyheder skrevet i ${values.out}`);
  } else {
    process.stdout.write(draft);
  }
} catch (error) {
  if (error instanceof HubAuthError) fail(`Hubben på ${url} afviste nøglen i HUB_TOKEN.`, 1);
  if (error instanceof HubTransportError) fail(`Hubben på ${url} kan ikke nås (${error.message}). Kør den, eller ret HUB_URL.`, 1);
  if (error instanceof HubGraphQLError) fail(`Hubben afviste forespørgslen: ${error.message}`, 1);
  throw error;
}
