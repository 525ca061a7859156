// ESLint for the whole repository: type-aware typescript-eslint rules for the two TypeScript
// projects (tsconfig.json: src/ and test/; webview/tsconfig.json: webview/), no import cycles
// (scripts/lint/noImportCycle.mjs), and the plain JavaScript rules for the build and test scripts. `npm run lint` runs it, and the
// `lint` layer of `npm test` counts it one check per file. A rule is off only with a reason here.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import mlr from './scripts/lint/noImportCycle.mjs';

export default defineConfig(
  globalIgnores(['dist/', 'out/', 'node_modules/', '.vscode-test/', 'roadmap/projects/**', 'media/']),
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },

  // Every file: the recommended JavaScript rules and no import cycles.
  js.configs.recommended,
  // Our own rule, not import-x/no-cycle: that one skips type imports, and so misses a circle of types.
  {
    plugins: { mlr },
    rules: { 'mlr/no-import-cycle': 'error' },
  },

  // TypeScript, type-aware: each file is checked against the tsconfig.json nearest to it.
  {
    files: ['**/*.ts'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-require-imports': 'error',
      // Off: an async function without await is how a fake or a handler meets an async interface;
      // no-floating-promises and no-misused-promises catch the mistakes this rule is after.
      '@typescript-eslint/require-await': 'off',
      // A binding named `_…` is there for its place only: a loop's count, a field a rest pattern leaves out.
      '@typescript-eslint/no-unused-vars': ['error', { varsIgnorePattern: '^_' }],
    },
  },

  // The build, test and bench scripts: ES modules run by Node, not part of a TypeScript project.
  {
    files: ['**/*.mjs'],
    languageOptions: { globals: globals.node },
  },

  // The bench's page script, bundled for Chromium.
  {
    files: ['scripts/bench/pages/**'],
    languageOptions: { globals: globals.browser },
  },

  // Test fixtures in CommonJS: a stand-in extension and a mocha file, loaded with require() by design.
  {
    files: ['test/fixtures/**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node, ...globals.mocha } },
  },
);
