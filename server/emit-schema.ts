// type-graphql reads decorator metadata through the Reflect API: install it before any decorated class loads.
import 'reflect-metadata';
import fs from 'node:fs/promises';
import { hubSchema } from './modules.js';
import { printHubSchema, SCHEMA_FILE } from './core/schema-file.js';

await fs.writeFile(SCHEMA_FILE, printHubSchema(await hubSchema()));
console.log(`Wrote ${SCHEMA_FILE}`);
