import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { ROOT } from './support/process.js';

// The README and the design documents a newcomer reads: every file they name must be in the repository.
const DOCUMENTS = [
  'README.md',
  'seeds/README.md',
  'client-sdk/README.md',
  ...readdirSync(path.join(ROOT, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];
const REPO_PATH = /^[\w.-]+(?:\/[\w.-]+)*\/[\w.-]+\.(?:ts|tsx|mjs|md|graphql|json|yml|png)$/;

test.each(DOCUMENTS)('%s links and names only files inside the repository', (document) => {
  const text = readFileSync(path.join(ROOT, document), 'utf8');
  const missing: string[] = [];
  for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
    if (/^(https?:|mailto:|#)/.test(target!)) continue;
    const file = path.resolve(path.dirname(path.join(ROOT, document)), target!.split('#')[0]!);
    if (!file.startsWith(ROOT) || !existsSync(file)) missing.push(`link ${target}`);
  }
  for (const [, named] of text.matchAll(/`([^`\s]+)`/g)) {
    // Files under .data/ are written by the running hub, not kept in the repository.
    if (!REPO_PATH.test(named!) || named!.startsWith('.data/')) continue;
    // "../schema/schema.graphql" in a folder's README is relative to that folder; other paths to the repository's root.
    const file = named!.startsWith('.') ? path.resolve(path.dirname(path.join(ROOT, document)), named!) : path.join(ROOT, named!);
    if (!file.startsWith(ROOT) || !existsSync(file)) missing.push(`path ${named}`);
  }
  expect(missing).toEqual([]);
});
