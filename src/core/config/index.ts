export { describeSchema, schemaAt } from './describe-expected.js';
export { loadConfig, type LoadedConfig } from './load-config.js';
export { parseOptionsFromConfig } from './parse-options-from-config.js';
export { configSchema, defaultConfig, type Config } from './schema.js';
