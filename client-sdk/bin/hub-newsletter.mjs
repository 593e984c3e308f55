#!/usr/bin/env node
// The newsletter command as a bin: runs the TypeScript source through tsx.
import { register } from 'tsx/esm/api';

register();
await import('../newsletter-cli.ts');
