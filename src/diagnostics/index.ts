export * from './diagnostic.js';
export * from './pointer.js';
export * from './errors.js';
export * from './source.js';
export { didYouMean, editDistance } from './did-you-mean.js';
export * from './codes.js';
export * from './arguments.js';
