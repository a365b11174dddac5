export * from './profile.js';
export * from './thiele.js';
export * from './from-material.js';
export * from './bessel.js';
export * from './multilayer.js';
export * from './calibrate.js';
