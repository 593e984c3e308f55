import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { declaredHooks } from './core/hooks.js';
import { modules } from './modules.js';

// The server's layers, lowest first: ambient types, core (plumbing), the migrations, access (who may do and see what), then the domain modules in
// the composition root's order. A folder imports only folders below it; the files at server/ itself assemble the hub.
const SERVER = path.dirname(fileURLToPath(import.meta.url));
const LAYERS = ['types', 'core', 'migrations', 'access', ...modules.map((m) => m.name)];
/** The process entry, the one server file that may import outside server/ (the demo city in seeds/). */
const ENTRY = 'main.ts';

type Graph = Map<string, { to: string; line: number }[]>;

const IMPORT = /(?:^|[;\s])(?:import|export)\s[^'"`;]*?from\s*['"]([^'"]+)['"]|(?:^|[;\s])import\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

/** Every relative import of every .ts file under a folder (type-only ones too), as paths relative to that folder. */
function importGraph(root: string): Graph {
  const graph: Graph = new Map();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith('.ts')) {
        const source = readFileSync(full, 'utf8');
        const edges: { to: string; line: number }[] = [];
        for (const match of source.matchAll(IMPORT)) {
          const specifier = match[1] ?? match[2] ?? match[3]!;
          if (!specifier.startsWith('.')) continue;
          const target = path.relative(root, path.resolve(path.dirname(full), specifier)).replace(/\.js$/, '.ts');
          edges.push({ to: target, line: source.slice(0, match.index).split('\n').length });
        }
        graph.set(path.relative(root, full), edges);
      }
    }
  };
  walk(root);
  return graph;
}

const folderOf = (file: string) => (file.includes('/') ? file.split('/')[0]! : null);

/** What breaks the layering: a folder importing a folder not below it, a file outside server/, a folder with no layer. */
function layeringProblems(graph: Graph, layers: readonly string[], entry: string): string[] {
  const problems: string[] = [];
  for (const [file, edges] of graph) {
    const from = folderOf(file);
    if (from !== null && !layers.includes(from)) {
      problems.push(`${file}: folder ${from} has no place in the layers (add its module to server/modules.ts)`);
      continue;
    }
    for (const { to, line } of edges) {
      if (to.startsWith('..')) {
        if (file !== entry) problems.push(`${file}:${line} imports ${to}, outside server/`);
        continue;
      }
      const target = folderOf(to);
      if (from === null || from === target) continue;
      if (target === null) problems.push(`${file}:${line} imports ${to}, an assembly file at server/`);
      else if (layers.indexOf(target) >= layers.indexOf(from))
        problems.push(`${file}:${line} imports ${to}: ${from} may not import ${target}, which is not below it`);
    }
  }
  return problems;
}

/** Import cycles between files, each as the list of files around it. */
function importCycles(graph: Graph): string[][] {
  const cycles: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (file: string) => {
    state.set(file, 'open');
    stack.push(file);
    for (const { to } of graph.get(file) ?? []) {
      if (state.get(to) === 'open') cycles.push([...stack.slice(stack.indexOf(to)), to]);
      else if (!state.has(to)) visit(to);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of [...graph.keys()].sort()) if (!state.has(file)) visit(file);
  return cycles;
}

describe('the server is layered', () => {
  const graph = importGraph(SERVER);

  test('core imports no domain, and each domain only the folders below it (core, access, modules listed before it)', () => {
    expect(layeringProblems(graph, LAYERS, ENTRY)).toEqual([]);
  });

  test('no import cycle between files, type-only imports included', () => {
    expect(importCycles(graph).map((cycle) => cycle.join(' -> '))).toEqual([]);
  });

  test('the composition root handles every hook the modules declare', () => {
    expect(declaredHooks().length).toBeGreaterThanOrEqual(7);
    expect(
      declaredHooks()
        .filter((hook) => !hook.handled)
        .map((hook) => hook.name),
    ).toEqual([]);
  });

  test('the import scan sees the imports (the composition root imports every module)', () => {
    const fromRoot = new Set((graph.get('modules.ts') ?? []).map((edge) => folderOf(edge.to)));
    for (const module of modules) expect(fromRoot).toContain(module.name);
  });
});

describe('the layering checks catch', () => {
  const layers = ['core', 'access', 'plans', 'activities'];
  const graphOf = (edges: Record<string, string[]>): Graph =>
    new Map(Object.entries(edges).map(([file, targets]) => [file, targets.map((to) => ({ to, line: 1 }))]));

  test('a core file importing a domain', () => {
    expect(layeringProblems(graphOf({ 'core/schema.ts': ['plans/plan.resolver.ts'] }), layers, ENTRY)).toEqual([
      'core/schema.ts:1 imports plans/plan.resolver.ts: core may not import plans, which is not below it',
    ]);
  });

  test('a domain importing one above it, an assembly file or a folder outside server/', () => {
    const problems = layeringProblems(
      graphOf({ 'plans/plan.resolver.ts': ['activities/activity.entity.ts', 'modules.ts', '../seeds/load.ts'], 'main.ts': ['../seeds/load.ts'] }),
      layers,
      ENTRY,
    );
    expect(problems).toHaveLength(3);
  });

  test('a folder that is not a layer', () => {
    expect(layeringProblems(graphOf({ 'reports/report.ts': ['core/sql.ts'] }), layers, ENTRY)).toEqual([
      'reports/report.ts: folder reports has no place in the layers (add its module to server/modules.ts)',
    ]);
  });

  test('a cycle, also within one folder and through type-only imports', () => {
    const cycles = importCycles(graphOf({ 'core/context.ts': ['core/loaders.ts'], 'core/loaders.ts': ['core/context.ts'], 'core/sql.ts': [] }));
    expect(cycles).toEqual([['core/context.ts', 'core/loaders.ts', 'core/context.ts']]);
  });

  test('imports written every way: type-only, re-exports, side effects and dynamic imports', () => {
    const dir = path.join(SERVER, 'core');
    const edges = [...importGraph(dir).values()].flat();
    expect(edges.length).toBeGreaterThan(20);
    const sample = `import type { A } from './a.js';\nexport { B } from './b.js';\nimport './c.js';\nconst d = await import('./d.js');\nimport {\n  E,\n} from './e.js';`;
    const found = [...sample.matchAll(IMPORT)].map((m) => m[1] ?? m[2] ?? m[3]);
    expect(found).toEqual(['./a.js', './b.js', './c.js', './d.js', './e.js']);
  });
});
