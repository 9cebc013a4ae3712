export { capDiagnostics, MAX_REPORTED_PER_FILE } from './cap-diagnostics.js';
export {
  compileGlob,
  globProblem,
  MAX_GLOB_LENGTH,
  MAX_GLOBS,
  type CompiledGlob,
} from './compile-glob.js';
export {
  CONFIG_FILE_NAMES,
  DEFAULT_CONFIG_FILE,
  isConfigPath,
  MAX_CONFIG_BYTES,
} from '../guard/index.js';
export { describeSchema, schemaAt } from './describe-expected.js';
export {
  loadConfig,
  loadConfigSource,
  type KnownRules,
  type LoadConfigOptions,
  type LoadedConfig,
  type LoadedConfigSource,
} from './load-config.js';
export {
  extendsAllowed,
  parseExtends,
  type ExtendsTarget,
  type RepoName,
} from './extends-target.js';
export {
  readConfigChain,
  type ConfigChain,
  type ConfigChainOptions,
  type ReadRepoConfigFile,
} from './read-config-chain.js';
export { parseOptionsFromConfig } from './parse-options-from-config.js';
export {
  readConfig,
  refusedConfig,
  type ConfigFileRead,
  type LoadedConfigFile,
  type ReadConfigFile,
} from './read-config.js';
export { configSchema, defaultConfig, type Config } from './schema.js';
export { inScope } from './matches-glob.js';
