export * from './schema.js';
export * from './io.js';
export * from './lookup.js';
