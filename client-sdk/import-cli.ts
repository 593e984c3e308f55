#!/usr/bin/env node
// npm run import -- FILE [--plan CODE] [--commit]; reads HUB_URL and HUB_TOKEN.
import fs from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createHubClient, HubAuthError, HubGraphQLError, HubTransportError, sheetFile, SheetFileError, type ImportActivitiesMutation } from './client.js';

const USAGE = `Imports a sheet of activities (CSV or Excel .xlsx) into the hub: a dry run that writes nothing, unless --commit.

  npm run import -- FILE [--plan CODE] [--commit]

  --plan CODE  the plan of rows that name none (or of a sheet without a Helhedsplan column), e.g. VOL-OEST
  --commit     write the rows (all of them, or none if any row has an error); without it, only report

  HUB_URL      the hub's GraphQL endpoint (default http://localhost:4000/graphql)
  HUB_TOKEN    the token of a coordinator (any plan) or a project lead (their own plans)

Exit status: 0 when every row is fine (and, with --commit, written), 1 when a row or the file has errors, 2 for a usage mistake.`;

function fail(message: string, code: number): never {
  console.error(message);
  process.exit(code);
}

let parsed;
try {
  parsed = parseArgs({ allowPositionals: true, options: { plan: { type: 'string' }, commit: { type: 'boolean' }, help: { type: 'boolean' } } });
} catch (error) {
  fail(`${(error as Error).message}\n\n${USAGE}`, 2);
}
const { values, positionals } = parsed;
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
if (positionals.length !== 1) fail(`Give exactly one file\n\n${USAGE}`, 2);
const file = positionals[0]!;
const url = process.env.HUB_URL || 'http://localhost:4000/graphql';
const token = process.env.HUB_TOKEN;
if (!token) fail(`HUB_TOKEN is not set\n\n${USAGE}`, 2);

let bytes: Buffer;
try {
  bytes = await fs.readFile(file);
} catch (error) {
  fail(`Cannot read ${file}: ${(error as Error).message}`, 2);
}

const STATUS: Record<string, string> = {
  CREATED: 'oprettet',
  UPDATED: 'ændret',
  UNCHANGED: 'uændret',
  FAILED: 'FEJL',
  WOULD_CREATE: 'oprettes',
  WOULD_UPDATE: 'ændres',
};

function print(report: NonNullable<ImportActivitiesMutation['importActivities']['report']>): void {
  for (const row of report.rows) {
    console.log(
      `row ${String(row.row).padStart(4)}  ${STATUS[row.status]!.padEnd(8)}  ${row.title ?? '(no title)'}${row.similarCount ? `  (${row.similarCount} similar)` : ''}`,
    );
    for (const error of row.errors) console.log(`            ${error.column}: ${error.message}`);
  }
  if (report.unknownColumns.length) console.log(`Columns not read (unknown headers): ${report.unknownColumns.join(', ')}`);
  const summary = `${report.created} new, ${report.updated} changed, ${report.unchanged} unchanged, ${report.failed} with errors`;
  console.log(
    report.written ? `Imported: ${summary}.` : `Nothing written (${values.commit ? 'a row has errors' : 'dry run; add --commit to write'}): ${summary}.`,
  );
}

try {
  // The sheet's problems are the Danish user's to fix: the hub says them in Danish, as it says the rows' errors.
  const client = createHubClient({ url, token, retries: 2, language: 'da' });
  const sheet = sheetFile(path.basename(file), bytes);
  let planId: string | null = null;
  if (values.plan) {
    const plan = await client.plan(values.plan);
    if (!plan) fail(`No plan has the code "${values.plan}"`, 2);
    planId = plan.id;
  }
  const result = await client.importActivities({ ...sheet, planId, dryRun: !values.commit });
  if (result.userErrors.length) fail(result.userErrors.map((e) => e.message).join('\n'), 1);
  print(result.report!);
  process.exit(result.report!.failed > 0 ? 1 : 0);
} catch (error) {
  if (error instanceof SheetFileError) fail(error.message, 2);
  if (error instanceof HubAuthError) fail(`The hub refused the token in HUB_TOKEN (${url})`, 1);
  if (error instanceof HubTransportError || error instanceof HubGraphQLError) fail(error.message, 1);
  throw error;
}
