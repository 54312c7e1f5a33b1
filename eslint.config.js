// ESLint: typescript-eslint's strict, type-checked rules (those that fit this code base, each
// exception said why), Lit's template rules; formatting is Prettier's, not ESLint's.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';

export default tseslint.config(
  { ignores: ['dist/', 'dist-test-pages/', 'node_modules/', 'test-results/', 'public/', '**/*.js', '**/*.mjs', 'types/core-host/'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  ...tseslint.configs.stylisticTypeChecked,
  lit.configs['flat/recommended'],
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // Numbers and booleans read naturally in messages; objects and undefined are still refused.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }],
      // `() => void call()` shorthands in event handlers and callbacks are idiomatic Lit.
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
      // Indexing typed arrays in the numeric loops: the row index is in range by construction.
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    // Tests stub and spy: empty callbacks and methods handed around unbound are their point.
    files: ['tests/**/*.ts'],
    rules: { '@typescript-eslint/no-empty-function': 'off', '@typescript-eslint/unbound-method': 'off' },
  },
);
