// Public API of src/scenario: the shareable scenario document (docs/architecture.md §7).

// The document's types (the engine's, validated and defaults applied): the app's layers name
// them from here, never from the engine.
export type {
  Distribution,
  EdgeConfig,
  Position,
  ScenarioMeta,
  ScenarioWatch,
  SimEdge,
  SimFault,
  SimGroup,
  SimNode,
  SimScenario,
} from '../engine/index.ts';
// The engine's own maths about document values, for editors (one formula, not two).
export {
  ARRIVAL_TYPES,
  arrivalAroundPerSec,
  arrivalSchema,
  DISTRIBUTION_TYPES,
  distributionAroundMs,
  distributionMeanMs,
  meanArrivalRatePerSec,
} from '../engine/index.ts';
export { canConnect, type ConnectionCheck } from './connection-rules.ts';
export { defaultScenario } from './default-scenario.ts';
export { BLANK_TITLE, blankScenario } from './blank-scenario.ts';
export { distributionSchema } from './distribution-schema.ts';
export {
  defaultConfigFor,
  documentText,
  nextId,
  toDocument,
  type EdgeJson,
  type GroupJson,
  type JsonValue,
  type NodeJson,
  type ScenarioJson,
} from './document.ts';
export { idSchema } from './id-schema.ts';
export {
  checkDocumentBytes,
  checkLimits,
  SCENARIO_LIMITS,
  utf8ByteLength,
  type ScenarioLimits,
} from './limits.ts';
export {
  decodeScenarioLink,
  encodeScenarioLink,
  hasScenarioLink,
  LINK_CODEC_VERSION,
  LINK_LIMITS,
  NO_SCENARIO_IN_LINK,
  type LinkResult,
} from './link-codec.ts';
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
  groupSchema,
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
export { ALL_KINDS, REGISTRY } from './registry.ts';
export {
  isWatchFigureId,
  METRIC_FIGURE_PREFIX,
  WATCH_FIGURE_IDS,
  watchFigure,
  type MetricInfo,
  type WatchFigure,
  type WatchUnit,
  type WatchWindow,
} from './watch-figures.ts';
export { faultSpans, watchMean, watchRows, type TimeSpan, type WatchRow } from './watch-series.ts';
export {
  BUILTINS,
  BUILTIN_VARIANTS,
  findBuiltin,
  type BuiltinScenario,
  type BuiltinVariant,
} from './builtins/index.ts';
