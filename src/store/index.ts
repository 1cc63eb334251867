// What a run produces (frames, traces, series, summaries) and the registry's vocabularies,
// as the app's layers name them: from the store, never from the engine.
export type {
  ClientSummary,
  EdgeFrame,
  FaultTargetClass,
  KindCategory,
  NodeFrame,
  NodeSummary,
  SeriesView,
  SimSummary,
  TraceEvent,
} from '../engine/index.ts';
export {
  formatCauses,
  formatCount,
  formatMetric,
  formatMs,
  formatPercent,
  formatRate,
  formatWhole,
  summaryStuck,
} from '../engine/index.ts';
export type { StuckDiagnosis, StuckRole } from '../engine/index.ts';
export { frameDiagnosis } from './node-diagnosis.ts';
export {
  createAppStore,
  type AppState,
  type AppStore,
  type AppStoreDeps,
  type Banner,
  type EditResult,
  type ScenarioSource,
} from './app-store.ts';
export { LOG_CAPACITY, type TelemetryStore } from './telemetry-store.ts';
export {
  nodeStatus,
  statusRule,
  STATUS_WORDS,
  type Health,
  type NodeStatus,
} from './node-status.ts';
export type { RunController } from './run-controller.ts';
export { RingBuffer } from './ring-buffer.ts';
export { nodesInGroup } from './document-edits.ts';
export {
  StoresProvider,
  useApp,
  useRun,
  useStores,
  useTelemetry,
  type Stores,
} from './store-context.tsx';
export {
  CATEGORY_LABELS,
  CATEGORY_ORDER,
  configJsonSchema,
  defaultConfig,
  edgeConfigJsonSchema,
  KIND_CATALOG,
  kindInfo,
  type KindInfo,
  type KindMetricInfo,
  type KindStateInfo,
} from './kind-catalog.ts';
export {
  FAULT_CATALOG,
  faultInfo,
  faultLabel,
  faultSummary,
  type FaultInfo,
} from './fault-catalog.ts';
export type { DocumentCommands } from './document-commands.ts';
export type { RecentDocument } from './recent-documents.ts';
export {
  createStores,
  parseScenarioFile,
  validateScenario,
  type StartedStores,
  type StoreEnvironment,
} from './create-stores.ts';
