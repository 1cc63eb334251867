import type { FaultType, KindFaultType } from '../../engine/index.ts';
import type { Bounds } from './field-units.ts';
import { EDGE_LATENCY_DEFAULT_MS, LIVE_DEFAULTS, type LiveFaultParams } from './live-faults.ts';

/** One quick fault toggle, optionally with the parameter it applies. */
export interface ToggleSpec {
  type: FaultType;
  label: string;
  /** What the button does, for its accessible description. */
  title: string;
  param?: {
    key: keyof LiveFaultParams;
    /** The fault's field holding the value, when it is not named `key`. */
    field?: string;
    label: string;
    unit: string;
    /** display = stored × scale. */
    scale: number;
    /** Display units. */
    bounds: Bounds;
    initial: number;
  };
}

const SHARE: Bounds = { min: 0, exclusiveMin: false, max: 100, exclusiveMax: false };
const POSITIVE: Bounds = { min: 0, exclusiveMin: true, max: null, exclusiveMax: false };

export const NODE_TOGGLES: readonly ToggleSpec[] = [
  { type: 'crash', label: 'Crash', title: 'Refuse every request from now on' },
  { type: 'hang', label: 'Hang', title: 'Accept requests but never answer them' },
  {
    type: 'error-rate',
    label: 'Error %',
    title: 'Fail this share of requests',
    param: {
      key: 'rate',
      label: 'Error rate',
      unit: '%',
      scale: 100,
      bounds: SHARE,
      initial: LIVE_DEFAULTS.rate,
    },
  },
  {
    type: 'latency',
    label: '+Latency',
    title: 'Add this much to every request',
    param: {
      key: 'addMs',
      label: 'Added latency',
      unit: 'ms',
      scale: 1,
      bounds: POSITIVE,
      initial: LIVE_DEFAULTS.addMs,
    },
  },
  {
    type: 'capacity',
    label: 'Capacity',
    title: 'Keep only this share of the workers',
    param: {
      key: 'factor',
      label: 'Remaining capacity',
      unit: '%',
      scale: 100,
      bounds: SHARE,
      initial: LIVE_DEFAULTS.factor,
    },
  },
];

/** Toggles for faults only some kinds react to, offered on nodes of those kinds only. */
const KIND_TOGGLES: Record<KindFaultType, ToggleSpec> = {
  'legacy-format': {
    type: 'legacy-format',
    label: 'Legacy format',
    title: 'Answer this share in values the legacy model never documented',
    param: {
      key: 'formatRate',
      field: 'rate',
      label: 'Undocumented answers',
      unit: '%',
      scale: 100,
      bounds: SHARE,
      initial: LIVE_DEFAULTS.formatRate,
    },
  },
};

/** A (non-source) node's toggles: the usual ones, then those its kind reacts to. */
export function nodeToggles(kindFaults: readonly KindFaultType[]): readonly ToggleSpec[] {
  return kindFaults.length
    ? [...NODE_TOGGLES, ...kindFaults.map((t) => KIND_TOGGLES[t])]
    : NODE_TOGGLES;
}

export const SOURCE_TOGGLES: readonly ToggleSpec[] = [
  {
    type: 'traffic-spike',
    label: 'Traffic spike',
    title: 'Multiply the request rate',
    param: {
      key: 'multiplier',
      label: 'Traffic multiplier',
      unit: '×',
      scale: 1,
      bounds: POSITIVE,
      initial: LIVE_DEFAULTS.multiplier,
    },
  },
];

export const EDGE_TOGGLES: readonly ToggleSpec[] = [
  { type: 'partition', label: 'Partition', title: 'Fail every call over this edge' },
  {
    type: 'edge-latency',
    label: '+Latency',
    title: 'Add network latency to every call over this edge',
    param: {
      key: 'addMs',
      label: 'Added network latency',
      unit: 'ms',
      scale: 1,
      bounds: POSITIVE,
      initial: EDGE_LATENCY_DEFAULT_MS,
    },
  },
];
