import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { Role } from '../server/core/enums.js';
import { startTestHub, type TestHub } from './support/hub.js';
import { ROOT } from './support/process.js';

const run = promisify(execFile);
let t: TestHub;
let scratch: string;
beforeAll(async () => {
  t = await startTestHub();
  scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'hub-sdk-consumer-'));
});
afterAll(async () => {
  await t?.stop();
  if (scratch) await fs.rm(scratch, { recursive: true, force: true });
});

// A newsletter developer's project outside the repository: the packed client installed from its tarball.
test('the packed client installs into another project and works there from plain JavaScript, TypeScript and its command', async () => {
  const packed = path.join(scratch, 'packed');
  await fs.mkdir(packed);
  // npm pack runs the package's prepack, which builds dist/ from the TypeScript source.
  await run('npm', ['pack', '--pack-destination', packed], { cwd: path.join(ROOT, 'client-sdk') });
  const [tarball] = await fs.readdir(packed);
  expect(tarball).toMatch(/^boligsocial-hub-client-\d+\.\d+\.\d+\.tgz$/);

  const project = path.join(scratch, 'project');
  await fs.mkdir(project);
  await fs.writeFile(path.join(project, 'package.json'), JSON.stringify({ name: 'newsletter-tool', private: true, type: 'module' }));
  await run('npm', ['install', path.join(packed, tarball!), '--prefer-offline', '--no-audit', '--no-fund'], { cwd: project });

  await fs.writeFile(
    path.join(project, 'consumer.mjs'),
    `
import { createHubClient, HubAuthError } from '@boligsocial/hub-client';
import { renderMarkdown } from '@boligsocial/hub-client/newsletter';
const hub = createHubClient({ url: process.env.HUB_URL, token: process.env.HUB_TOKEN });
const items = await hub.highlights({ since: '2026-10-23T00:00:00Z', first: 5 });
console.log(JSON.stringify({ items: items.length, draft: renderMarkdown(items, { since: '2026-10-23T00:00:00Z', until: '2026-11-22T00:00:00Z' }).split('\\n')[0], error: HubAuthError.name }));
`,
  );
  const env = { ...process.env, HUB_URL: t.hub.url, HUB_TOKEN: t.users[Role.READER].token };
  const plain = await run(process.execPath, ['consumer.mjs'], { cwd: project, env });
  expect(JSON.parse(plain.stdout)).toEqual({ items: 5, draft: '# Nyt fra de boligsociale helhedsplaner', error: 'HubAuthError' });

  // TypeScript sees the published types: a wrong one is an error, the right ones check.
  await fs.writeFile(
    path.join(project, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, types: [] },
      files: ['consumer.ts'],
    }),
  );
  const consumer = (titleType: string) => `
import { createHubClient, type HighlightsQuery } from '@boligsocial/hub-client';
const hub = createHubClient({ url: 'http://localhost:4000/graphql', token: 'a-token' });
const items: HighlightsQuery['highlights'] = await hub.highlights({ since: '2026-10-23T00:00:00Z', first: 5 });
export const titles: ${titleType}[] = items.map((item) => item.title);
`;
  const tsc = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  await fs.writeFile(path.join(project, 'consumer.ts'), consumer('string'));
  await run(process.execPath, [tsc, '-p', '.'], { cwd: project });
  await fs.writeFile(path.join(project, 'consumer.ts'), consumer('number'));
  await expect(run(process.execPath, [tsc, '-p', '.'], { cwd: project })).rejects.toMatchObject({
    stdout: expect.stringContaining("Type 'string' is not assignable to type 'number'"),
  });

  // The command, installed as a bin: the draft alone on standard output.
  const command = await run(path.join(project, 'node_modules', '.bin', 'hub-newsletter'), ['--since', '2026-10-23', '--max', '3'], { cwd: project, env });
  expect(command.stdout.startsWith('# Nyt fra de boligsociale helhedsplaner\n')).toBe(true);
}, 180_000);
