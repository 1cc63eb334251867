import type { Bounds } from './field-units.ts';

/**
 * What the generated form renders: one descriptor per config field, derived from the kind's
 * JSON Schema by `schema-fields.ts`. Types only.
 */

export interface FieldBase {
  /** Property name. */
  name: string;
  /**
   * Path from the config root, as the store's messages write it: `workers`,
   * `serviceTime.meanMs`, `routes[1].percentToNew`.
   */
  path: string;
  label: string;
  /** The schema's `default`, if it has one (stored units). */
  defaultValue?: unknown;
  /** A starting value the schema suggests (`.meta({ suggested })`) for a field without default. */
  suggested?: unknown;
  /** Listed in its object's `required`. */
  required: boolean;
}

export interface NumberFieldDescriptor extends FieldBase, Bounds {
  type: 'number';
  integer: boolean;
  /** Suffix in the input row: 'ms', '/s', '%'. */
  unit: string | null;
  /** display = stored × scale. Bounds are stored units; `hint` is in display units. */
  scale: number;
  hint: string | null;
}

export interface EnumFieldDescriptor extends FieldBase {
  type: 'enum';
  options: { value: string; label: string }[];
}

export interface BooleanFieldDescriptor extends FieldBase {
  type: 'boolean';
}

export interface TextFieldDescriptor extends FieldBase {
  type: 'text';
  /** The schema's `minLength` (0 when absent). */
  minLength: number;
  /** The schema's `pattern` (`^\/`: starts with a slash), or null. */
  pattern: string | null;
}

/** `anyOf [X, null]`: a "none" checkbox plus X. */
export interface NullableFieldDescriptor extends FieldBase {
  type: 'nullable';
  noneLabel: string;
  inner: FieldDescriptor;
}

export interface VariantDescriptor {
  value: string;
  label: string;
  /** The variant's fields, the discriminator excluded. */
  fields: FieldDescriptor[];
}

/** `oneOf` objects told apart by a `type` constant: a variant select plus the variant's fields. */
export interface UnionFieldDescriptor extends FieldBase {
  type: 'union';
  discriminator: 'type';
  variants: VariantDescriptor[];
}

export interface ObjectFieldDescriptor extends FieldBase {
  type: 'object';
  fields: FieldDescriptor[];
}

/**
 * An array. `item` describes one element at the placeholder path `<path>[#]`; `itemField`
 * (list-items.ts) places it at an index, so messages like `routes[1].percentToNew` find it.
 */
export interface ListFieldDescriptor extends FieldBase {
  type: 'list';
  item: FieldDescriptor;
  minItems: number;
  maxItems: number | null;
  /** One element in words, for buttons and item headings: "route" for `routes`. */
  itemNoun: string;
}

/** Anything the form cannot edit; shown read-only. */
export interface UnsupportedFieldDescriptor extends FieldBase {
  type: 'unsupported';
}

export type FieldDescriptor =
  | NumberFieldDescriptor
  | EnumFieldDescriptor
  | BooleanFieldDescriptor
  | TextFieldDescriptor
  | NullableFieldDescriptor
  | UnionFieldDescriptor
  | ObjectFieldDescriptor
  | ListFieldDescriptor
  | UnsupportedFieldDescriptor;
