export * from './access';
export * from './engine';
export * from './slug';
export * from './time-zone';
export * from './uuidv7';
export * from './analytics';
