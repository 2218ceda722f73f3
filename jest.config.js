// @ts-check
const { compilerOptions } = require('./tsconfig.base.json');

/** tsconfig path aliases (@itsm/...) resolved to source, so tests need no build of the libraries. */
const moduleNameMapper = Object.fromEntries(
  Object.entries(compilerOptions.paths).map(([alias, [target]]) => [`^${alias}$`, `<rootDir>/${target}`]),
);

const shared = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: { '^.+\\.(ts|js)$': ['@swc/jest', JSON.parse(require('node:fs').readFileSync(`${__dirname}/.swcrc`, 'utf8'))] },
  moduleNameMapper,
  // jose ships only ES modules; compile it like our own sources.
  transformIgnorePatterns: ['/node_modules/(?!jose/)'],
  setupFiles: ['reflect-metadata'],
};

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs}/**/*.spec.ts'] },
    {
      ...shared,
      displayName: 'integration',
      testMatch: ['<rootDir>/{apps,libs}/**/*.integration-spec.ts'],
      globalSetup: '<rootDir>/tools/infra/jest-global-setup.mjs',
      globalTeardown: '<rootDir>/tools/infra/jest-global-teardown.mjs',
    },
  ],
  testTimeout: 120_000,
  reporters: ['default', '<rootDir>/tools/jest/summary-reporter.js'],
};
