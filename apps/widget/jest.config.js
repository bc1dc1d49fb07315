/**
 * Widget tests: pure-logic unit specs beside the code, and a check of the built bundle
 * (dist/widget.js, built by the `build` target that `test` depends on) against its size budget.
 */
module.exports = {
  displayName: 'widget',
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  moduleNameMapper: { '^@fanfare/shared$': '<rootDir>/../../libs/shared/src/index.ts' },
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' } }] },
};
