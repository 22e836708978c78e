import baseConfig from '../../eslint.config.mjs';

export default [
  ...baseConfig,
  {
    // Time from one clock (issue 15 item 6): the current instant of a business rule comes from the injectable
    // Clock (src/common/clock.ts), which tests can set. Durations (Date.now() differences) are not concerned;
    // code outside Nest DI (CLI, seed, backup) disables the rule on the line, with its reason.
    files: ['src/**/*.ts'],
    ignores: ['src/**/*.spec.ts', 'src/**/*.int-spec.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'Use Clock.now() (src/common/clock.ts) for the current instant, so that tests can set it.',
        },
        {
          // French messages made in one place (issue 15 item 3): the filter sends only messages marked by
          // french() (src/common/errors.ts) and replaces any other by the French default of the status.
          selector: "NewExpression[callee.name=/Exception$/]:not([arguments.0.type='CallExpression'][arguments.0.callee.name='french'])",
          message:
            "Give an HTTP exception its message through french() (src/common/errors.ts): new NotFoundException(french('Famille introuvable.')).",
        },
      ],
    },
  },
];
