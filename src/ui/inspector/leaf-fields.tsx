import type { ReactNode } from 'react';
import type { EditResult } from '../../store/index.ts';
import { boundsError, fromDisplay, scaleBounds, toDisplay } from './field-units.ts';
import { testPath } from './list-items.ts';
import { NumberInput } from './number-input.tsx';
import { usePendingError } from './pending-errors.ts';
import { TextInput } from './text-input.tsx';
import type {
  BooleanFieldDescriptor,
  EnumFieldDescriptor,
  NumberFieldDescriptor,
  TextFieldDescriptor,
} from './schema-fields.ts';
import { resultError, useFieldError } from './use-field-error.ts';

/** What every generated field receives. */
export interface FieldProps<F> {
  field: F;
  value: unknown;
  /** Applies this field's new value (nested fields wrap it into their parent's value). */
  commit: (value: unknown) => EditResult;
  /** Prefix for element ids (unique per form). */
  uid: string;
  /** The enclosing group's label, read before this field's own by screen readers. */
  context?: string | undefined;
}

export function elementId(uid: string, path: string, suffix = ''): string {
  return `${uid}-${path.replace(/[^A-Za-z0-9_-]/g, '_')}${suffix}`;
}

/** A label whose accessible name carries the group it belongs to ("Service time: Mean"). */
export function LabelText({ label, context }: { label: string; context?: string | undefined }) {
  return (
    <>
      {context ? <span className="insp-visually-hidden">{`${context}: `}</span> : null}
      {label}
    </>
  );
}

/** `field-<path>` with list indices as dashes: `field-routes-1-percentToNew`. */
export function fieldTestId(path: string): string {
  return `field-${testPath(path)}`;
}

export function errorTestId(path: string): string {
  return `field-error-${testPath(path)}`;
}

export function ErrorText({ path, error }: { path: string; error: string | null }) {
  if (!error) return null;
  return (
    <div className="insp-error" role="alert" data-testid={errorTestId(path)}>
      {error}
    </div>
  );
}

export function NumberField(
  props: FieldProps<NumberFieldDescriptor> & {
    disabled?: boolean;
    placeholder?: string;
    children?: ReactNode;
  },
) {
  const { field, value, commit, uid, context } = props;
  const pending = usePendingError(field.path);
  const shown = typeof value === 'number' ? toDisplay(value, field.scale) : null;
  const displayBounds = scaleBounds(field, field.scale);
  return (
    <NumberInput
      id={elementId(uid, field.path)}
      label={field.label}
      labelContext={context}
      value={shown}
      unit={field.unit}
      hint={field.hint}
      integer={field.integer}
      disabled={props.disabled}
      placeholder={props.placeholder}
      testId={fieldTestId(field.path)}
      errorTestId={errorTestId(field.path)}
      externalError={pending}
      // Shares are checked here, in percent: the store would word the bound as a 0–1 share.
      validate={field.scale !== 1 ? (v) => boundsError(v, displayBounds) : undefined}
      onCommit={(v) =>
        resultError(commit(v === null ? null : fromDisplay(v, field.scale)), field.path)
      }
    >
      {props.children}
    </NumberInput>
  );
}

export function SelectField({
  field,
  value,
  commit,
  uid,
  context,
}: FieldProps<EnumFieldDescriptor>) {
  const { error: own, report } = useFieldError(value, field.path);
  const pending = usePendingError(field.path);
  const error = own ?? pending;
  const id = elementId(uid, field.path);
  const current = typeof value === 'string' ? value : '';
  return (
    <div className="insp-field">
      <label className="insp-field__label" htmlFor={id}>
        <LabelText label={field.label} context={context} />
      </label>
      <select
        id={id}
        className="insp-input"
        value={current}
        data-testid={fieldTestId(field.path)}
        aria-invalid={error ? true : undefined}
        onChange={(e) => report(commit(e.target.value))}
      >
        {field.options.some((o) => o.value === current) ? null : <option value={current}>—</option>}
        {field.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <ErrorText path={field.path} error={error} />
    </div>
  );
}

export function CheckboxField({
  field,
  value,
  commit,
  uid,
  context,
}: FieldProps<BooleanFieldDescriptor>) {
  const { error: own, report } = useFieldError(value, field.path);
  const pending = usePendingError(field.path);
  const error = own ?? pending;
  const id = elementId(uid, field.path);
  return (
    <div className="insp-field insp-field--check">
      <input
        id={id}
        type="checkbox"
        className="insp-check"
        checked={value === true}
        data-testid={fieldTestId(field.path)}
        aria-invalid={error ? true : undefined}
        onChange={(e) => report(commit(e.target.checked))}
      />
      <label htmlFor={id}>
        <LabelText label={field.label} context={context} />
      </label>
      <ErrorText path={field.path} error={error} />
    </div>
  );
}

/** Free text (a route's prefix, a target's id): commits on blur and Enter like numbers. */
export function TextField({ field, value, commit, uid, context }: FieldProps<TextFieldDescriptor>) {
  const pending = usePendingError(field.path);
  return (
    <TextInput
      id={elementId(uid, field.path)}
      label={<LabelText label={field.label} context={context} />}
      value={typeof value === 'string' ? value : ''}
      testId={fieldTestId(field.path)}
      errorTestId={errorTestId(field.path)}
      externalError={pending}
      onCommit={(text) => resultError(commit(text), field.path)}
    />
  );
}
