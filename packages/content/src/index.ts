export * from './escape.ts';
export * from './nodes.ts';
export * from './render.ts';
export * as body from './build.ts';
