/**
 * The federation install in Docker (docker/federation.docker.ts): builds the real image from
 * docker/Dockerfile and runs the real docker/compose.yaml. Run by tools/test/run-all.mjs when
 * a Docker engine is reachable (always under CI: .ci/run starts one), or `npm run test:docker`.
 */
module.exports = {
  displayName: 'docker',
  testEnvironment: 'node',
  rootDir: '..',
  testMatch: ['<rootDir>/docker/**/*.docker.ts'],
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tools/tsconfig.spec.json' }],
  },
  moduleNameMapper: { '^@pointage/test-support$': '<rootDir>/libs/test-support/src/index.ts' },
  moduleFileExtensions: ['ts', 'js'],
  // The image build alone takes minutes on a 2-core machine.
  testTimeout: 600_000,
  maxWorkers: 1,
};
