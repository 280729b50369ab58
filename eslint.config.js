// Layers (docs/architecture.md): shared <- core <- host kit <- hosts (app, preview, cli), and
// renderer <- shared. eslint/layers.js checks every import between our own files; the rules
// below keep packages in their layer: only the Electron app's wiring (electron/app/main.ts,
// preload.ts, shell/) may load electron or electron-store, shared/ and the renderer use no Node.
import tseslint from 'typescript-eslint';
import layers from './eslint/layers.js';

const electronOnly = {
  paths: [
    { name: 'electron', allowTypeImports: true, message: 'Only the Electron app (electron/app/main.ts, preload.ts, shell/) may load electron.' },
    { name: 'electron-store', message: 'Only the Electron app (electron/app/shell/) may load electron-store.' },
  ],
};
const PAGE_GLOBALS = ['window', 'document', 'navigator', 'location', 'localStorage', 'sessionStorage', 'alert', 'confirm', 'XMLHttpRequest', 'requestAnimationFrame', 'DOMParser'];
const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'http', 'https', 'child_process', 'worker_threads', 'crypto', 'zlib', 'net'];

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'out/', 'release/', 'test-output/', 'coverage/'] },
  ...tseslint.configs.recommended,
  {
    plugins: { paperboy: layers },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
      eqeqeq: ['error', 'smart'],
      'paperboy/layers': 'error',
    },
  },
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/app/main.ts', 'electron/app/preload.ts', 'electron/app/shell/**'],
    rules: { 'no-restricted-imports': ['error', electronOnly] },
  },
  {
    // The core runs in Node. It parses pages into a DOM of its own (linkedom), so the DOM's types
    // are in its compiler's lib; the page's globals are not there at run time and are refused here.
    files: ['electron/core/**/*.ts', 'shared/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', ...PAGE_GLOBALS.map((name) => ({ name, message: 'Page globals do not exist in Node (the core) nor on both sides (shared/).' }))],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        ...electronOnly,
        patterns: [
          { group: nodeBuiltins, message: 'shared/ runs on both sides: no Node APIs.' },
          { group: ['react', 'react-dom'], message: 'shared/ holds the contract, not UI.' },
        ],
      }],
    },
  },
  {
    files: ['renderer/src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', {
        ...electronOnly,
        patterns: [{ group: nodeBuiltins, message: 'The renderer is browser code: it talks to window.paperboy only.' }],
      }],
    },
  },
  {
    // Components render; hooks reach the core (docs/conventions.md). main.tsx hands the bridge in.
    files: ['renderer/src/**/*.{ts,tsx}'],
    ignores: ['renderer/src/hooks/**', 'renderer/src/main.tsx'],
    rules: {
      'no-restricted-imports': ['error', {
        ...electronOnly,
        patterns: [
          { group: nodeBuiltins, message: 'The renderer is browser code: it talks to window.paperboy only.' },
          { group: ['**/hooks/bridge'], message: 'Only hooks call the core: move this call into a hook in renderer/src/hooks/.' },
        ],
      }],
    },
  },
  {
    files: ['test/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.{js,mjs}'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    // A CommonJS script (bin/paperboy.cjs says why): require is how it loads anything.
    files: ['**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
