import {
  ErrorText,
  errorTestId,
  fieldTestId,
  elementId,
  LabelText,
  type FieldProps,
} from './leaf-fields.tsx';
import { asArray, formatStringList, parseStringList, toggleOption } from './list-items.ts';
import { usePendingError } from './pending-errors.ts';
import type { ListFieldDescriptor } from './schema-fields.ts';
import { TextInput } from './text-input.tsx';
import { resultError, useFieldError } from './use-field-error.ts';

/**
 * A list of names (failure causes, target node ids) as one comma-separated input: shorter
 * than a row per name in a 300 px column, and typing never commits an empty entry. It grows
 * to show every name; Enter or leaving the field commits. A refused element's message names
 * its index (`[3]: …`) under the input.
 */
export function StringListField({
  field,
  value,
  commit,
  uid,
  context,
  label,
}: FieldProps<ListFieldDescriptor> & { label?: string | undefined }) {
  const pending = usePendingError(field.path, true);
  return (
    <TextInput
      id={elementId(uid, field.path)}
      label={<LabelText label={label ?? field.label} context={context} />}
      value={formatStringList(asArray(value))}
      className="insp-input insp-input--wrap"
      wrap
      hint="Comma-separated"
      testId={fieldTestId(field.path)}
      errorTestId={errorTestId(field.path)}
      externalError={pending}
      onCommit={(text) => resultError(commit(parseStringList(text)), field.path)}
    />
  );
}

/** A set of enum values as a checkbox group, in the schema's order; applies at once. */
export function EnumSetField({
  field,
  value,
  commit,
  uid,
  context,
}: FieldProps<ListFieldDescriptor>) {
  const { error: own, report } = useFieldError(value, field.path);
  const pending = usePendingError(field.path, true);
  const error = own ?? pending;
  const item = field.item;
  if (item.type !== 'enum') return null;
  const current = asArray(value);
  const values = item.options.map((o) => o.value);
  return (
    <fieldset className="insp-group insp-checks" aria-invalid={error ? true : undefined}>
      <legend className="insp-group__legend">
        <LabelText label={field.label} context={context} />
      </legend>
      {item.options.map((o) => {
        const id = elementId(uid, field.path, `-${o.value}`);
        return (
          <div key={o.value} className="insp-field--check">
            <input
              id={id}
              type="checkbox"
              className="insp-check"
              checked={current.includes(o.value)}
              data-testid={`${fieldTestId(field.path)}-${o.value}`}
              onChange={(e) =>
                report(commit(toggleOption(values, current, o.value, e.target.checked)))
              }
            />
            <label htmlFor={id}>{o.label}</label>
          </div>
        );
      })}
      <ErrorText path={field.path} error={error} />
    </fieldset>
  );
}
