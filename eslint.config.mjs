import nx from '@nx/eslint-plugin';
import jest from 'eslint-plugin-jest';

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  {
    ignores: ['**/dist', '**/out-tsc', '**/node_modules', 'data/**', 'tmp/**'],
  },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.js', '**/*.jsx'],
    rules: {
      // Tags are declared in each project.json; the picture is docs/architecture.md (« Projects »).
      //   scope:shared  -> libs/contracts (lib:contracts), libs/domain (lib:domain), libs/charts (lib:charts):
      //                    pure TypeScript, import nothing from apps; charts uses contracts and domain, no other way round
      //   scope:test    -> libs/test-support: test helpers, imports no project
      //   scope:api     -> apps/api (shared libs; test-support in its tests)
      //   scope:e2e     -> apps/e2e (test-support only)
      //   scope:web     -> apps/web (shared libs, never API code)
      //   scope:tools   -> tools/ (imports no project)
      // Only the dependencies the code has today are allowed: opening one is a reviewed line here and in the picture.
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          allow: ['^.*/eslint(\\.base)?\\.config\\.[cm]?[jt]s$'],
          depConstraints: [
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            // An empty list: no project at all.
            { sourceTag: 'lib:contracts', onlyDependOnLibsWithTags: [] },
            { sourceTag: 'lib:domain', onlyDependOnLibsWithTags: [] },
            { sourceTag: 'lib:charts', onlyDependOnLibsWithTags: ['lib:contracts', 'lib:domain'] },
            // Test helpers (libs/test-support) are for the tests (API, browser, Docker) and the bench only.
            { sourceTag: 'scope:test', onlyDependOnLibsWithTags: [] },
            { sourceTag: 'scope:api', onlyDependOnLibsWithTags: ['scope:shared', 'scope:test'] },
            { sourceTag: 'scope:e2e', onlyDependOnLibsWithTags: ['scope:test'] },
            { sourceTag: 'scope:web', onlyDependOnLibsWithTags: ['scope:shared'] },
            // The bench (tools/bench) reads dates with the app's own rules (the pure domain lib) and
            // shares the test helpers (a free port); the Docker test (docker/) too.
            { sourceTag: 'scope:tools', onlyDependOnLibsWithTags: ['lib:domain', 'scope:test'] },
          ],
        },
      ],
    },
  },
  {
    // Type-aware rules: a forgotten `await` is a bug (lost error, test that cannot fail).
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: {
        projectService: true,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // An un-awaited expect(...).resolves is a test that cannot fail.
    files: ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e.ts'],
    plugins: { jest },
    rules: {
      'jest/valid-expect': ['error', { alwaysAwait: true }],
      'jest/no-disabled-tests': 'error',
      'jest/no-focused-tests': 'error',
      'jest/expect-expect': ['error', { assertFunctionNames: ['expect', 'expect*', '**.expect'] }],
    },
  },
];
