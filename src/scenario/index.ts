// Public API of src/scenario: the shareable scenario document (DESIGN.md §4).
export { distributionSchema } from './distribution-schema.ts';
export { faultSchema } from './fault-schema.ts';
export { idSchema } from './id-schema.ts';
export {
  checkDocumentBytes,
  checkLimits,
  SCENARIO_LIMITS,
  utf8ByteLength,
  type ScenarioLimits,
} from './limits.ts';
export {
  CURRENT_VERSION,
  MIGRATIONS,
  migrate,
  type MigrateResult,
  type Migration,
} from './migrations.ts';
export { formatErrors, formatPath, type ScenarioError } from './scenario-error.ts';
export {
  edgeConfigSchema,
  edgeSchema,
  nodeSchema,
  SCENARIO_FORMAT,
  scenarioSchema,
  type ScenarioDocument,
  type ScenarioDocumentInput,
} from './schema.ts';
export {
  MAX_REPORTED_ERRORS,
  parseScenario,
  parseScenarioText,
  type ParseOptions,
  type ParseResult,
} from './validate.ts';
