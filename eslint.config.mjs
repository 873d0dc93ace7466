// The house rules that a reviewer would otherwise have to remember: where code may import from, and no cycles.
// Style is Prettier's (.prettierrc.json); `npm run lint` runs both, and `npm test` runs lint first.
import fs from 'node:fs'
import tseslint from 'typescript-eslint'
import importX from 'eslint-plugin-import-x'
import reactHooks from 'eslint-plugin-react-hooks'
import prettier from 'eslint-config-prettier'

const featuresOf = (dir) =>
  fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)

/** A feature may import only itself and what lies below it (shared code, types); never another feature. */
const featureZones = (root) =>
  featuresOf(root).map((feature) => ({
    target: `./${root}/${feature}`,
    from: `./${root}`,
    except: [`./${feature}`],
    message: 'Features never import each other: move what both need down (src/components, src/services, src/utils; server/shared), or let a page compose them.',
  }))

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', '.bench-data/**', 'coverage/**', 'test-results/**', '**/*.js', '**/*.mjs', '**/*.cjs'] },
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parser: tseslint.parser, parserOptions: { ecmaVersion: 'latest', sourceType: 'module', ecmaFeatures: { jsx: true } } },
    plugins: { 'import-x': importX, '@typescript-eslint': tseslint.plugin },
    settings: { 'import-x/resolver-next': [importX.createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.json'] })] },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-self-import': 'error',
    },
  },
  {
    // React's rules of hooks, and the effects' dependency lists.
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    // Production code: the boundaries of the layers. Tests may reach across to set up what they need.
    files: ['src/**/*.{ts,tsx}', 'server/**/*.ts', 'types/**/*.ts'],
    ignores: ['**/*.test.{ts,tsx}', '**/test-fixtures.ts', '**/test-*.ts'],
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            ...featureZones('src/features'),
            ...featureZones('server/features'),
            { target: './src', from: './server', message: 'The app never imports the BFF: the contract in types/ is what both share.' },
            { target: './server', from: './src', message: 'The BFF never imports the app.' },
            { target: './types', from: ['./src', './server'], message: 'types/ is the contract: it imports nothing of either side.' },
            {
              target: ['./src/components', './src/services', './src/utils', './src/i18n'],
              from: ['./src/features', './src/pages'],
              message: 'Shared code goes down, never up: it must not import a feature or a page.',
            },
            { target: './src/features', from: './src/pages', message: 'Pages compose features, not the other way round.' },
            {
              target: ['./server/shared', './server/db'],
              from: './server/features',
              message: 'server/shared and server/db sit below the features: they must not import one.',
            },
          ],
        },
      ],
    },
  },
  {
    // The app takes the contract's types only: no server-side schema code in the bundle.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['**/*.test.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [{ group: ['**/types/*', '!**/types/*.d'], allowTypeImports: true, message: 'The app imports the contract with `import type` only.' }],
        },
      ],
    },
  },
  prettier,
)
