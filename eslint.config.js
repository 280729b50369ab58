// Layers (see docs/architecture.md): shared <- core <- shell, renderer <- shared.
// The core (everything in electron/ except the shell) must run in plain Node, so it may
// never import electron or electron-store; the renderer talks to window.paperboy only.
import tseslint from 'typescript-eslint';

const electronOnly = {
  paths: [
    { name: 'electron', allowTypeImports: true, message: 'Only the Electron shell (electron/app/main.ts, preload.ts, shell/) may import electron.' },
    { name: 'electron-store', message: 'Only the Electron shell may import electron-store.' },
  ],
};
const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'http', 'https', 'child_process', 'worker_threads', 'crypto', 'zlib', 'net'];

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'out/', 'release/', 'test-output/', 'coverage/'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/app/main.ts', 'electron/app/preload.ts', 'electron/app/shell/**'],
    rules: {
      'no-restricted-imports': ['error', {
        ...electronOnly,
        patterns: [
          { group: ['**/shell/*', '**/shell'], message: 'The core never depends on the Electron shell.' },
          { group: ['**/renderer/**'], message: 'The core never imports renderer code.' },
        ],
      }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        ...electronOnly,
        patterns: [
          { group: nodeBuiltins, message: 'shared/ runs on both sides: no Node APIs.' },
          { group: ['**/electron/**', '**/renderer/**', 'react', 'react-dom'], message: 'shared/ depends on nothing of ours.' },
        ],
      }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', {
        ...electronOnly,
        patterns: [
          { group: nodeBuiltins, message: 'The renderer is browser code.' },
          { group: ['**/electron/**'], message: 'The renderer talks to window.paperboy only.' },
        ],
      }],
    },
  },
  {
    // Vite's config is build tooling run by Node, not renderer code.
    files: ['renderer/vite.config.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['test/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.{js,mjs}'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
