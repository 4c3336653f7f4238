/** Tests are TypeScript transformed by SWC as native ESM (franc-min is ESM-only). */
export default {
  testEnvironment: 'node',
  roots: ['<rootDir>/packages', '<rootDir>/test'],
  testMatch: ['**/test/**/*.test.ts'],
  extensionsToTreatAsEsm: ['.ts'],
  transform: {
    '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'es6' } }],
  },
  moduleNameMapper: {
    '^@topictag/([a-z]+)$': '<rootDir>/packages/$1/src/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  reporters: ['default', '<rootDir>/test/summary-reporter.cjs'],
  // tests check behaviour, not speed (speed is measured by \`pnpm bench\`): some analyze the whole seed
  // corpus several times, which jest's 5 s default does not always allow on a loaded 2-core machine
  testTimeout: 60_000,
};
