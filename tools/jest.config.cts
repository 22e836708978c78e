module.exports = {
  displayName: 'tools',
  testEnvironment: 'node',
  rootDir: '..',
  testMatch: ['<rootDir>/tools/**/*.spec.ts', '<rootDir>/docker/**/*.spec.ts'],
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tools/tsconfig.spec.json' }],
  },
  moduleNameMapper: {
    '^@pointage/contracts$': '<rootDir>/libs/contracts/src/index.ts',
    '^@pointage/domain$': '<rootDir>/libs/domain/src/index.ts',
    '^@pointage/charts$': '<rootDir>/libs/charts/src/index.ts',
    '^@pointage/test-support$': '<rootDir>/libs/test-support/src/index.ts',
  },
  moduleFileExtensions: ['ts', 'js'],
};
