import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'fixtures/', '.tools/', 'bench/corpus/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/cli/**'],
    rules: {
      // DESIGN.md §4: only the CLI layer touches the process.
      'no-restricted-globals': ['error', { name: 'process', message: 'Only src/cli may touch process.' }],
    },
  },
  {
    files: ['scripts/**', 'bench/**', 'bin/**'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // The launcher and the benchmark's preload are CommonJS on purpose (they say why).
    files: ['bin/**/*.js', 'bench/**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
