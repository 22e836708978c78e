/**
 * API integration tests: the real Nest app over real HTTP (supertest) on a real
 * database. Run once per dialect: DB_TYPE=sqlite or DB_TYPE=mariadb
 * (see tools/test/run-all.mjs). Each test file gets its own fresh database.
 * Files named *.mariadb.int-spec.ts do to a MariaDB server what cannot be done to
 * an SQLite file (stall it, kill it): they belong to the MariaDB run only.
 */
const mariadbOnly = '\\.mariadb\\.int-spec\\.ts$';
module.exports = {
  displayName: `api-int-${process.env['DB_TYPE'] ?? 'sqlite'}`,
  testEnvironment: 'node',
  rootDir: '.',
  testMatch: ['<rootDir>/src/**/*.int-spec.ts'],
  testPathIgnorePatterns: process.env['DB_TYPE'] === 'mariadb' ? ['/node_modules/'] : ['/node_modules/', mariadbOnly],
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.int.json' }],
  },
  moduleNameMapper: {
    '^@pointage/contracts$': '<rootDir>/../../libs/contracts/src/index.ts',
    '^@pointage/domain$': '<rootDir>/../../libs/domain/src/index.ts',
    '^@pointage/charts$': '<rootDir>/../../libs/charts/src/index.ts',
    '^@pointage/test-support$': '<rootDir>/../../libs/test-support/src/index.ts',
  },
  moduleFileExtensions: ['ts', 'js'],
  setupFiles: ['<rootDir>/test/setup-env.ts'],
  testTimeout: 60_000,
};
