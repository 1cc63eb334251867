import { MERGE_RULES } from './time-series-merge.ts';
import type { FieldSpec } from './time-series-types.ts';

/**
 * The fields of a series, checked and indexed once: their specs in `append` order, an index
 * by name and each weighted mean's weight field. Immutable, so every series of the same field
 * list shares one (a thousand nodes' series cost one layout); `with` makes a new one.
 */
export class FieldLayout {
  private static readonly shared = new WeakMap<readonly FieldSpec[], FieldLayout>();

  readonly specs: readonly FieldSpec[];
  /** Per field: the index of its weight field, or −1. */
  readonly weightIndex: readonly number[];
  private readonly indexByName: ReadonlyMap<string, number>;

  private constructor(specs: readonly FieldSpec[]) {
    const index = new Map<string, number>();
    const checked: FieldSpec[] = [];
    for (const spec of specs) {
      checkSpec(spec, specs, index);
      index.set(spec.name, checked.length);
      checked.push(
        spec.weight === undefined ? { name: spec.name, merge: spec.merge } : { ...spec },
      );
    }
    this.specs = checked;
    this.indexByName = index;
    // Weights may name a field declared later in the same list.
    this.weightIndex = checked.map((s) =>
      s.weight === undefined ? -1 : (index.get(s.weight) ?? -1),
    );
  }

  /** The layout of `fields`, shared by every series built from the same array. */
  static of(fields: readonly FieldSpec[]): FieldLayout {
    let layout = FieldLayout.shared.get(fields);
    if (!layout) {
      layout = new FieldLayout(fields);
      FieldLayout.shared.set(fields, layout);
    }
    return layout;
  }

  get size(): number {
    return this.specs.length;
  }

  /** Index of a field, or −1. */
  index(name: string): number {
    return this.indexByName.get(name) ?? -1;
  }

  /** This layout plus one field at the end. */
  with(spec: FieldSpec): FieldLayout {
    return new FieldLayout([...this.specs, spec]);
  }
}

function checkSpec(
  spec: FieldSpec,
  declared: readonly FieldSpec[],
  seen: ReadonlyMap<string, number>,
): void {
  // '__proto__' would corrupt the plain-object records of the views.
  if (typeof spec.name !== 'string' || spec.name === '' || spec.name === '__proto__') {
    throw new Error(`invalid field name '${String(spec.name)}'`);
  }
  if (seen.has(spec.name)) throw new Error(`duplicate field '${spec.name}'`);
  if (!MERGE_RULES.includes(spec.merge)) {
    throw new Error(`field '${spec.name}': unknown merge rule '${String(spec.merge)}'`);
  }
  if (spec.merge === 'weighted-mean') {
    const weightSpec = declared.find((d) => d.name === spec.weight);
    if (weightSpec?.merge !== 'sum') {
      throw new Error(`field '${spec.name}': weight must name a 'sum' field`);
    }
  } else if (spec.weight !== undefined) {
    throw new Error(`field '${spec.name}': only 'weighted-mean' fields take a weight`);
  }
}
