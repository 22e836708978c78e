/**
 * API integration tests: the real Nest app over real HTTP (supertest) on a real
 * database. Run once per dialect: DB_TYPE=sqlite or DB_TYPE=mariadb
 * (see tools/test/run-all.mjs). Each test file gets its own fresh database.
 */
module.exports = {
  displayName: `api-int-${process.env.DB_TYPE ?? 'sqlite'}`,
  testEnvironment: 'node',
  rootDir: '.',
  testMatch: ['<rootDir>/src/**/*.int-spec.ts'],
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.int.json' }],
  },
  moduleNameMapper: {
    '^@pointage/contracts$': '<rootDir>/../../libs/contracts/src/index.ts',
    '^@pointage/domain$': '<rootDir>/../../libs/domain/src/index.ts',
    '^@pointage/charts$': '<rootDir>/../../libs/charts/src/index.ts',
  },
  moduleFileExtensions: ['ts', 'js'],
  setupFiles: ['<rootDir>/test/setup-env.ts'],
  testTimeout: 60_000,
};
