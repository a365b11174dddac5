export * from './figure.js';
export * from './markdown.js';
