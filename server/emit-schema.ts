import fs from 'node:fs/promises';
import { hubSchema } from './core/schema.js';
import { printHubSchema, SCHEMA_FILE } from './core/schema-file.js';

await fs.writeFile(SCHEMA_FILE, printHubSchema(await hubSchema()));
console.log(`Wrote ${SCHEMA_FILE}`);
