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
      // Index reads look non-nullable without `noUncheckedIndexedAccess`, so the guards it flags on them are real.
      '@typescript-eslint/no-unnecessary-condition': 'off',
      // Indexed loops over typed arrays: for-of was several times slower before the JIT warmed up (measured).
      '@typescript-eslint/prefer-for-of': 'off',
      // `a || 'default'` on text treats the empty string as absent, on purpose.
      '@typescript-eslint/prefer-nullish-coalescing': ['error', { ignorePrimitives: { string: true } }],
      // Lit calls a template's event listeners with the element as `this`, so `@click=${this.onClick}` is bound.
      '@typescript-eslint/unbound-method': 'off',
      // Methods that implement an asynchronous interface may finish at once.
      '@typescript-eslint/require-await': 'off',
      // `() => {}` as a default callback says "nothing to do" plainly.
      '@typescript-eslint/no-empty-function': ['error', { allow: ['arrowFunctions'] }],
      // A leading underscore marks a value that is there for its position only.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    // Tests stub, and take apart the JSON that files and servers give: empty fakes, raw parsed
    // values and deleted fields (to make a bad file) are their point.
    files: ['tests/**/*.ts'],
    rules: {
      '@typescript-eslint/no-empty-function': 'off',
      '@typescript-eslint/no-dynamic-delete': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
    },
  },
);
