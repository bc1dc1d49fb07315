export * from './evaluate';
export * from './events';
export * from './policy';
export * from './rules';
export * from './safe-regex';
export * from './tiers';
export * from './windows';
