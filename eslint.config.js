import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import pluginVue from 'eslint-plugin-vue';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'crypto', 'worker_threads', 'child_process', 'stream', 'buffer', 'url', 'zlib'];
const uiAndHostLibraries = ['electron', 'electron/*', 'vue', 'pinia', 'naive-ui', 'dexie', 'vue-i18n', '@electron-toolkit/*'];
const networkModules = ['http', 'https', 'net', 'tls', 'dgram', 'node:http', 'node:https', 'node:net', 'node:tls', 'node:dgram', 'undici'];

export default tseslint.config(
  { ignores: ['node_modules/**', 'out/**', 'dist/**', 'test/fixtures/**', '.bench/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    ignores: ['src/shared/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: [...nodeBuiltins, ...uiAndHostLibraries], message: 'src/shared is the pure audit core: no Node, DOM, Electron, Vue or Dexie.' },
            { group: ['**/main/**', '**/preload/**', '**/renderer/**', '**/cli/**', '**/node/**'], message: 'src/shared depends on nothing outside it.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'Buffer', 'require', 'localStorage', 'indexedDB', 'fetch', 'XMLHttpRequest'],
    },
  },
  {
    files: ['src/main/**/*.ts', 'src/node/**/*.ts', 'src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...networkModules.map((name) => ({ name, message: 'The app works air-gapped: no network modules.' })),
            {
              name: 'electron',
              importNames: ['net', 'autoUpdater', 'crashReporter'],
              message: 'The app works air-gapped: no network requests, no auto-update, no crash uploads.',
            },
          ],
          patterns: [{ group: ['**/renderer/**'], message: 'main never imports the renderer.' }],
        },
      ],
      'no-restricted-globals': ['error', { name: 'fetch', message: 'The app works air-gapped: no network.' }],
      'no-restricted-properties': [
        'error',
        { object: 'shell', property: 'openExternal', message: 'Nothing is opened outside the app, least of all a URL from data.' },
      ],
    },
  },
  {
    files: ['src/renderer/**/*.ts', 'src/renderer/**/*.vue'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/main/**', '**/node/**', '**/cli/**', 'electron', 'node:*'], message: 'The renderer talks to the host only through the preload API.' }] },
      ],
    },
  },
  {
    files: ['scripts/**/*.mjs', 'bin/**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
  // Renderer single-file components: Vue's recommended rules, TypeScript inside <script>, and
  // no v-html anywhere (data is always text).
  ...pluginVue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: {
      parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'], sourceType: 'module' },
    },
    rules: {
      'vue/no-v-html': 'error',
      // TypeScript (vue-tsc) checks identifiers; ESLint's no-undef knows no DOM or compiler macros here.
      'no-undef': 'off',
    },
  },
  prettier,
);
