import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The Node flags of `npm start` (heap sizes), read from package.json so the tests run the hub as users do. */
export function startFlags(): string[] {
  const script = (JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as { scripts: Record<string, string> }).scripts.start!;
  return script.split(/\s+/).filter((part) => part.startsWith('--') && part !== '--import');
}

/** Runs `npm start`'s entry point as its own process, as a user would. */
export function startProcess(env: Record<string, string>, options: { ownGroup?: boolean } = {}) {
  const child = spawn(process.execPath, [...startFlags(), '--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    // A process group of its own, as a terminal gives a command: Ctrl-C is then process.kill(-pid, 'SIGINT').
    detached: options.ownGroup ?? false,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const waitFor = async (pattern: RegExp, ms = 60_000) => {
    const deadline = Date.now() + ms;
    while (!pattern.test(output)) {
      if (Date.now() > deadline || child.exitCode !== null) throw new Error(`did not print ${pattern}:\n${output.slice(-4000)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  /** The URL the hub printed once it serves. */
  const url = async () => {
    await waitFor(/GraphQL API on (http:\/\/localhost:\d+\/graphql)/);
    return /GraphQL API on (http:\/\/localhost:\d+\/graphql)/.exec(output)![1]!;
  };
  return { child, exited, waitFor, url, output: () => output };
}
