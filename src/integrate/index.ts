export * from './ode.js';
export * from './heun.js';
