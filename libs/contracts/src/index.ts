export * from './lib/api';
export * from './lib/audit';
export * from './lib/auth';
export * from './lib/limits';
export * from './lib/roles';
export * from './lib/structures';
export * from './lib/reference';
