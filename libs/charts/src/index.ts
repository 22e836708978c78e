export * from './lib/palette';
export * from './lib/statistics-charts';
