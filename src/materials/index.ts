export * from './parameters.js';
export * from './material.js';
export * from './derived.js';
export * from './load.js';
