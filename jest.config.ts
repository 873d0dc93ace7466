import type { Config } from 'jest'

const swc = ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } }, target: 'es2022' }, module: { type: 'commonjs' } }]
// msw 2 and its helpers ship ESM only; let swc turn them into CommonJS.
const esmPackages = ['msw', '@mswjs', '@bundled-es-modules', '@open-draft', 'rettime', 'until-async', 'headers-polyfill', 'outvariant', 'strict-event-emitter', 'is-node-process']

const config: Config = {
  projects: [
    {
      displayName: 'server',
      testEnvironment: 'node',
      roots: ['<rootDir>/server', '<rootDir>/scripts'],
      testMatch: ['**/*.test.ts'],
      transform: { '^.+\\.(t|j)sx?$': swc as never },
    },
    {
      displayName: 'app',
      testEnvironment: 'jest-fixed-jsdom',
      roots: ['<rootDir>/src', '<rootDir>/mock'],
      testMatch: ['**/*.test.ts', '**/*.test.tsx'],
      setupFilesAfterEnv: ['<rootDir>/test/setup-app.ts'],
      moduleNameMapper: {
        '^@tarojs/taro$': '<rootDir>/test/stubs/taro.ts',
        '^@tarojs/components$': '<rootDir>/test/stubs/components.tsx',
        '\\.(css|scss|sass)$': '<rootDir>/test/stubs/style.ts',
      },
      transform: { '^.+\\.(t|j)sx?$': swc as never },
      transformIgnorePatterns: [`/node_modules/(?!(${esmPackages.join('|')})/)`],
    },
  ],
}

export default config
