/**
 * Browser end-to-end tests: the built app (API + web) started as `npm start`
 * would, on a temporary SQLite data folder, driven in Debian's Chromium by
 * playwright-core. Run by tools/test/run-all.mjs after the build.
 */
module.exports = {
  displayName: 'e2e',
  testEnvironment: 'node',
  rootDir: '.',
  testMatch: ['<rootDir>/src/**/*.e2e.ts'],
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }],
  },
  moduleNameMapper: {
    '^@pointage/contracts$': '<rootDir>/../../libs/contracts/src/index.ts',
    '^@pointage/domain$': '<rootDir>/../../libs/domain/src/index.ts',
    '^@pointage/charts$': '<rootDir>/../../libs/charts/src/index.ts',
    '^@pointage/test-support$': '<rootDir>/../../libs/test-support/src/index.ts',
  },
  moduleFileExtensions: ['ts', 'js'],
  // Every page state a test visits is checked by axe; a violation fails the test.
  setupFilesAfterEnv: ['<rootDir>/src/support/a11y-setup.ts'],
  testTimeout: 90_000,
  // One browser at a time on a 2-core machine.
  maxWorkers: 1,
  // A failed test must not leave jest waiting on a browser or app process it could not stop.
  forceExit: true,
};
