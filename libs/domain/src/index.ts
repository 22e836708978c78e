export * from './lib/age';
export * from './lib/local-date';
export * from './lib/zoned-time';
export * from './lib/text';
export * from './lib/slots';
export * from './lib/statistics';
