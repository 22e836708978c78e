export * from './lib/api';
export * from './lib/limits';
export * from './lib/roles';
