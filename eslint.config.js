import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist', 'dist-server', 'data', 'scratch', 'node_modules', 'public', 'test-results', 'playwright-report'] },
  {
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    files: ['**/*.{ts,tsx}'],
    languageOptions: { ecmaVersion: 2023, globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    // Dependencies flow one way: app -> features -> shared (api, components, lib, locales).
    files: ['src/features/**/*.{ts,tsx}'],
    rules: {
      // Features never import each other (they use relative paths inside themselves); the app composes them.
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@/app/*'], message: 'features must not import from app' },
            { group: ['@/features/*'], message: 'features must not import other features: move the shared piece to src/components or compose in src/app' },
            // The rules in src/domain are plain functions the UI runs too (the builder's live checks); the
            // backend itself is reached through src/api only.
            { group: ['@/mocks/*', '@/server/*'], message: 'features reach the backend through src/api only' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/api/**/*.{ts,tsx}', 'src/components/**/*.{ts,tsx}', 'src/lib/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@/app/*', '@/features/*'], message: 'shared code must not import from app or features' },
            { group: ['@/mocks/*', '@/server/*'], message: 'shared code reaches the backend through src/api only' },
          ],
        },
      ],
    },
  },
  {
    // The rules are plain functions over plain records: they know the contract and nothing else.
    files: ['src/domain/**/*.{ts,tsx}'],
    ignores: ['src/domain/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['@/app/*', '@/features/*', '@/components/*', '@/mocks/*', '@/server/*', '../*'], message: 'src/domain imports only the contract (@/api) and itself' }] },
      ],
    },
  },
  {
    // The server runs in Node and in a worker: no UI, and never the mock.
    files: ['src/server/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['@/app/*', '@/features/*', '@/components/*', '@/mocks/*'], message: 'the server imports the contract, the rules and itself only' }] }],
    },
  },
  {
    files: ['src/app/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['@/mocks/*', '@/server/*'], message: 'the app reaches its backend through src/api only' }] }],
    },
  },
  {
    // Tests may reach behind the seam: the mock, the server's records.
    files: ['**/*.test.ts', '**/*.test.tsx'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
