import nx from '@nx/eslint-plugin';
import baseConfig from '../../eslint.config.mjs';

export default [
  ...nx.configs['flat/angular'],
  ...nx.configs['flat/angular-template'],
  ...baseConfig,
  {
    files: ['**/*.ts'],
    rules: {
      '@angular-eslint/directive-selector': [
        'error',
        {
          type: 'attribute',
          prefix: 'app',
          style: 'camelCase',
        },
      ],
      '@angular-eslint/component-selector': [
        'error',
        {
          type: 'element',
          prefix: 'app',
          style: 'kebab-case',
        },
      ],
    },
  },
  {
    // One web data pattern (issue 15 item 5, decision 12): components ask their area's *-api.ts,
    // never HttpClient; loads go through apiResource, changes through the Submitter.
    files: ['**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "ClassDeclaration:has(Decorator[expression.callee.name='Component']) CallExpression[callee.name='inject'][arguments.0.name='HttpClient']",
          message: "A component does not call the API itself: add a method to its area's *-api.ts (decision 12).",
        },
        {
          selector: "ClassDeclaration:has(Decorator[expression.callee.name='Component']) PropertyDefinition[key.name='http']",
          message: "A component does not call the API itself: add a method to its area's *-api.ts (decision 12).",
        },
      ],
    },
  },
  {
    files: ['**/*.html'],
    // Override or add rules here
    rules: {},
  },
];
