// `npm run lint`: ESLint with typescript-eslint, no import cycles, and the
// pipeline's layers: a stage may import the stages before it, never one after.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

/**
 * The pipeline in the order data flows. Each folder (or file) may import
 * those listed before it and none after: `structure/` may read the items
 * `readers/` define, never the renderer's output.
 */
const LAYERS = [
  ['src/model.ts', 'src/errors.ts', 'src/diagnostics.ts', 'src/xml-chars.ts', 'src/walk.ts', 'src/ioerror.ts', 'src/stats.ts', 'src/outname.ts', 'src/suggest.ts'],
  ['src/lang'],
  ['src/metadata'],
  ['src/read'],
  ['src/readers'],
  ['src/structure'],
  ['src/typography'],
  ['src/cover'],
  ['src/render'],
  ['src/kepub', 'src/package'],
  ['src/convert.ts'],
  ['src/batch', 'src/build.ts', 'src/deliver'],
  ['src/index.ts', 'src/cli'],
];

const zones = LAYERS.slice(0, -1).flatMap((layer, i) =>
  layer.map((target) => ({
    target: `./${target}`,
    from: LAYERS.slice(i + 1)
      .flat()
      .map((f) => `./${f}`),
    message: 'a stage imports only the stages before it (see LAYERS in eslint.config.js)',
  })),
);

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'out/', '.scratch/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.mjs', '**/*.js'],
    plugins: { 'import-x': importX },
    settings: {
      ...importX.flatConfigs.typescript.settings,
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: ['tsconfig.json', 'test/tsconfig.json'], noWarnOnMultipleProjects: true })],
    },
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        Buffer: 'readonly',
        performance: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setImmediate: 'readonly',
        TextEncoder: 'readonly',
        TextDecoder: 'readonly',
        structuredClone: 'readonly',
        AbortController: 'readonly',
        fetch: 'readonly',
      },
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': ['error', { zones }],
      // `\[` and `\-` inside a character class are clearer than where they may go unescaped.
      'no-useless-escape': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
  prettier,
);
