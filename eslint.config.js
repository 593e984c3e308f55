// npm run lint: ESLint with typescript-eslint's recommended rules, and the project's own conventions.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['**/node_modules/', '**/dist/', '.data/', '.scratch/', 'client-sdk/generated/', 'web/src/generated/'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['web/src/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    rules: {
      // `const { key: _key, ...rest } = input` drops a field on purpose.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true, argsIgnorePattern: '^_' }],
      // Each domain adds its loaders to core's HubLoaders with `interface HubLoaders extends LoadersOf<...> {}`.
      '@typescript-eslint/no-empty-object-type': ['error', { allowInterfaces: 'with-single-extends' }],
    },
  },
  {
    // The server logs through its logger (JSON lines with request ids), never the console; main.ts reports a failed start before a logger exists.
    files: ['server/**/*.ts'],
    ignores: ['server/main.ts', 'server/emit-schema.ts', 'server/migration-create.ts'],
    rules: { 'no-console': 'error' },
  },
  {
    // Core is plumbing: it imports no domain (server/layering.test.ts checks every layer; this says so in the editor).
    files: ['server/core/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^\\.\\./', message: 'server/core imports nothing outside core: let a domain hook into core instead.' }] },
      ],
    },
  },
  {
    // Tests and benchmarks read GraphQL answers as untyped JSON.
    files: ['test/**', 'bench/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
