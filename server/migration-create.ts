// type-graphql reads decorator metadata through the Reflect API: install it before any decorated class loads.
import 'reflect-metadata';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres } from './core/embedded-postgres.js';
import { migrate } from './core/orm.js';
import { initOrm, MIGRATIONS_PATH } from './modules.js';

// Diffs the entities against a scratch database that has every committed migration, and writes the difference.
const name = process.argv[2];
const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'hub-migration-'));
const db = await startEmbeddedPostgres(dataDir);
try {
  const orm = await initOrm(db.url);
  await migrate(orm);
  const result = await orm.migrator.create(MIGRATIONS_PATH, false, false, name);
  await orm.close();
  if (!result.fileName) {
    console.log('No changes: the entities match the committed migrations.');
  } else {
    const className = path.basename(result.fileName).replace(/\.ts$/, '');
    const indexFile = path.join(MIGRATIONS_PATH, 'index.ts');
    let index = await fs.readFile(indexFile, 'utf8');
    const lastImport = index.lastIndexOf('\nimport ') + 1;
    const insertAt = index.indexOf('\n', lastImport) + 1;
    index = `${index.slice(0, insertAt)}import { ${className} } from './${className}.js';\n${index.slice(insertAt)}`;
    index = index.replace(/\];\s*$/, `  { name: '${className}', class: ${className} },\n];\n`);
    await fs.writeFile(indexFile, index);
    console.log(`Wrote ${result.fileName} and listed it in server/migrations/index.ts; review the SQL before committing.`);
  }
} finally {
  await db.stop();
  await fs.rm(dataDir, { recursive: true, force: true });
}
