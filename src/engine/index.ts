// Public API of the engine. Other folders import from here only.
export { createSimulation } from './create-simulation.ts';
export type {
  NodeDetail,
  Simulation,
  SimPatch,
  PatchResult,
  SimSnapshot,
} from './create-simulation.ts';
export type { SimulationOptions } from './simulation.ts';
export { RUN_BUDGET, SAMPLE_EVENTS, type RunBudget } from './run-budget.ts';
export {
  BudgetError,
  LivelockError,
  RunStoppedError,
  type BudgetLimit,
  type LoopShape,
} from './run-stopped.ts';
export { counted, poolWords, quantity, type LoadWords } from './model/load-words.ts';
export type { SimSummary, ClientSummary, NodeSummary } from './summary.ts';
export type { StuckFigures } from './stuck-calls.ts';
export type { TelemetryFrame, NodeFrame, EdgeFrame } from './telemetry.ts';
export { ConservationError, type ConservationReport } from './conservation.ts';
export type { TraceEvent, SimContext, NodeFaultState } from './model/context.ts';
export { Cause } from './model/context.ts';
export type { Call, RequestInfo } from './model/call.ts';
export { CallPhase, requestWithDeadlineUs } from './model/call.ts';
export {
  CAUSE_CLASSES,
  causeListed,
  ENGINE_CAUSES,
  type CauseClass,
  type CauseDefinition,
} from './model/causes.ts';
export {
  createRegistry,
  DEFAULT_OUTPUTS,
  maxOutputs,
  outputsOf,
  type OutputPort,
  type AnyKindDefinition,
  type KindCategory,
  type KindDefinition,
  type KindRegistry,
  type MetricSpec,
  type NodeFigures,
  type NodeRuntime,
  type NodeStateLabel,
} from './model/kind.ts';
export { BUILTIN_KINDS, BUILTIN_REGISTRY } from './model/builtin-kinds.ts';
export {
  createPoolHandlers,
  effectiveCapacity,
  QUEUED_METRIC,
  type PoolBehaviour,
  type PoolConfig,
  type PoolState,
} from './model/worker-pool.ts';
export { serviceConfigSchema, type ServiceConfig } from './model/service.ts';
export {
  ARRIVAL_TYPES,
  arrivalAroundPerSec,
  arrivalSchema,
  MAX_RATE_PER_SEC,
  meanArrivalRatePerSec,
  type Arrival,
} from './model/client.ts';
export { cachedDerived } from './model/derived-cache.ts';
export {
  emptyMessageCounts,
  MESSAGE_ATTR,
  MESSAGE_FATES,
  MESSAGE_PLACES,
  MESSAGE_TYPE_ATTR,
  messageIdentityProblem,
  POISON_ATTR,
  type MessageCounts,
} from './model/message.ts';
export { POISON_FAULT } from './model/faults/poison.ts';
export {
  distributionSchema,
  edgeConfigSchema,
  MAX_QUEUE_CAPACITY,
  probability,
  share,
} from './model/config-schemas.ts';
export {
  defineFaultType,
  faultSchema,
  faultTargetProblem,
  type AnyFaultTypeDefinition,
  type FaultParams,
  type FaultTargetClass,
  type FaultTargetFacts,
  type FaultToggle,
  type FaultTypeDefinition,
} from './model/fault-type.ts';
export { kindsHonouring, parseFault, type FaultParse } from './model/fault-parse.ts';
export { CORE_FAULT_TYPES } from './model/faults/index.ts';
export type { EdgeFaultState } from './model/fault-state.ts';
export { noFaults } from './model/fault-state.ts';
export { idSchema } from './model/id-schema.ts';
export { describeValue, issueMessage, quote } from './model/zod-messages.ts';
export * from './model/scenario-types.ts';
export type { Distribution } from './kernel/distributions.ts';
export {
  compileDistribution,
  DISTRIBUTION_TYPES,
  distributionAroundMs,
  distributionMeanMs,
} from './kernel/distributions.ts';
export { createStream, RandomStream } from './kernel/rng.ts';
export { US_PER_MS, US_PER_SEC, msToUs } from './kernel/time.ts';
export { EventQueue } from './kernel/event-queue.ts';
export type { SeriesView } from './metrics/time-series.ts';
export type { LatencySummaryMs } from './metrics/histogram.ts';
export { LatencyHistogram } from './metrics/histogram.ts';
export {
  formatCauses,
  formatCount,
  formatMetric,
  formatMs,
  formatPercent,
  formatRate,
  formatWhole,
} from './metrics/figure-format.ts';
export {
  stuckDiagnosis,
  summaryStuck,
  type StuckDiagnosis,
  type StuckFacts,
  type StuckRole,
} from './metrics/stuck-diagnosis.ts';
