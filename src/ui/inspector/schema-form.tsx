import { useId, useMemo } from 'react';
import type { EditResult } from '../../store/index.ts';
import { FieldView } from './field-view.tsx';
import { schemaFields } from './schema-fields.ts';

export interface SchemaFormProps {
  /** A JSON Schema of an object (a kind's config, an edge's config). */
  schema: unknown;
  /** The current config. */
  value: Readonly<Record<string, unknown>>;
  /**
   * Applies one top-level field; nested fields (`serviceTime.meanMs`) commit their whole
   * top-level value (`serviceTime`). Returns the store's verdict.
   */
  onChange: (name: string, value: unknown) => EditResult;
  /** Accessible name of the form group. */
  label: string;
}

/**
 * A form generated from a JSON Schema: numbers with units and ranges, selects for enums and
 * variants, "none" toggles for nullable values. Numbers commit on Enter or blur; a refused
 * value stays in its input with the store's message under it.
 */
export function SchemaForm({ schema, value, onChange, label }: SchemaFormProps) {
  const uid = useId();
  const fields = useMemo(() => schemaFields(schema), [schema]);
  return (
    <div className="insp-form" role="group" aria-label={label}>
      {fields.map((f) => (
        <FieldView
          key={f.name}
          field={f}
          value={value[f.name]}
          commit={(v) => onChange(f.name, v)}
          uid={uid}
        />
      ))}
      {fields.length === 0 ? <p className="insp-muted">Nothing to configure.</p> : null}
    </div>
  );
}
