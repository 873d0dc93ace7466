import type { Config } from 'jest'

const swc = [
  '@swc/jest',
  { jsc: { parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } }, target: 'es2022' }, module: { type: 'commonjs' } },
]
// The BFF loads ESM-only packages (kdbush, geokdbush) with import(): jest runs it as import() (--experimental-vm-modules).
const swcKeepingImports = [swc[0], { ...(swc[1] as object), module: { type: 'commonjs', ignoreDynamic: true } }]
// msw 2 and its helpers (and supercluster) ship ESM only; let swc turn them into CommonJS.
const esmPackages = [
  'msw',
  '@mswjs',
  '@bundled-es-modules',
  '@open-draft',
  'rettime',
  'until-async',
  'headers-polyfill',
  'outvariant',
  'strict-event-emitter',
  'is-node-process',
  // the H5 map's clustering
  'supercluster',
  'kdbush',
]

const config: Config = {
  projects: [
    {
      displayName: 'server',
      testEnvironment: 'node',
      roots: ['<rootDir>/server', '<rootDir>/scripts', '<rootDir>/config'],
      testMatch: ['**/*.test.ts'],
      setupFilesAfterEnv: ['<rootDir>/test/setup-server.ts'],
      transform: { '^.+\\.(t|j)sx?$': swcKeepingImports as never },
    },
    {
      displayName: 'app',
      testEnvironment: 'jest-fixed-jsdom',
      roots: ['<rootDir>/src', '<rootDir>/mock'],
      testMatch: ['**/*.test.ts', '**/*.test.tsx'],
      setupFilesAfterEnv: ['<rootDir>/test/setup-app.ts'],
      // Loads msw's ESM-only dependencies as CommonJS even under --experimental-vm-modules (see the file).
      moduleNameMapper: {
        '^@tarojs/taro$': '<rootDir>/test/stubs/taro.ts',
        '^@tarojs/components$': '<rootDir>/test/stubs/components.tsx',
        '\\.(css|scss|sass)$': '<rootDir>/test/stubs/style.ts',
      },
      transform: { '^.+\\.(tsx?|jsx?|mjs)$': swc as never },
      transformIgnorePatterns: [`/node_modules/(?!(${esmPackages.join('|')})/)`],
    },
    {
      // The production weapp build run under a WeChat-like runtime (test/weapp/harness) against the real BFF.
      displayName: 'weapp',
      testEnvironment: 'node',
      roots: ['<rootDir>/test/weapp'],
      testMatch: ['**/*.weapp.ts'],
      globalSetup: '<rootDir>/test/weapp/global-setup.ts',
      globalTeardown: '<rootDir>/test/weapp/global-teardown.ts',
      setupFilesAfterEnv: ['<rootDir>/test/weapp/setup.ts'],
      transform: { '^.+\\.(t|j)sx?$': swc as never },
    },
    {
      displayName: 'e2e',
      testEnvironment: 'node',
      roots: ['<rootDir>/test/e2e'],
      testMatch: ['**/*.e2e.ts'],
      globalSetup: '<rootDir>/test/e2e/global-setup.ts',
      globalTeardown: '<rootDir>/test/e2e/global-teardown.ts',
      setupFilesAfterEnv: ['<rootDir>/test/e2e/setup.ts'],
      transform: { '^.+\\.(t|j)sx?$': swc as never },
    },
  ],
}

export default config
