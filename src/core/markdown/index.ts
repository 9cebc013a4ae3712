/** What hosts use of src/core/markdown. */
export { titleSimilarity } from './item-id.js';
export { type ParseOptions } from './parse-options.js';
