export * from './thread.js';
export * from './graph.js';
export { argumentGraphJsonSchema, threadJsonSchema } from './json-schema.js';
