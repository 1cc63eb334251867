import type { ReactNode } from 'react';
import {
  CheckboxField,
  elementId,
  ErrorText,
  fieldTestId,
  LabelText,
  NumberField,
  SelectField,
  TextField,
  type FieldProps,
} from './leaf-fields.tsx';
import { ListBody, ListField } from './list-field.tsx';
import { usePendingError } from './pending-errors.ts';
import type {
  FieldDescriptor,
  NullableFieldDescriptor,
  ObjectFieldDescriptor,
  UnionFieldDescriptor,
} from './schema-fields.ts';
import { useFieldError } from './use-field-error.ts';
import { initialInnerValue, switchVariant } from './variant-defaults.ts';

type Obj = Record<string, unknown>;

function asObj(x: unknown): Obj {
  return typeof x === 'object' && x !== null && !Array.isArray(x) ? (x as Obj) : {};
}

/** The fields of an object value, each committing the whole object with its change. */
function SubFields({
  fields,
  value,
  commit,
  uid,
  context,
}: Omit<FieldProps<unknown>, 'field'> & { fields: readonly FieldDescriptor[] }) {
  const obj = asObj(value);
  return (
    <>
      {fields.map((f) => (
        <FieldView
          key={f.name}
          field={f}
          value={obj[f.name]}
          commit={(v) => commit({ ...obj, [f.name]: v })}
          uid={uid}
          context={context}
        />
      ))}
    </>
  );
}

function Group({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <fieldset className="insp-group">
      <legend className="insp-group__legend">{legend}</legend>
      {children}
    </fieldset>
  );
}

/** The variant select and the chosen variant's fields (no frame; the caller draws it). */
function UnionBody({ field, value, commit, uid }: FieldProps<UnionFieldDescriptor>) {
  const path = `${field.path}.${field.discriminator}`;
  const { error: own, report } = useFieldError(value, path);
  const pending = usePendingError(path);
  const error = own ?? pending;
  const obj = asObj(value);
  const current =
    typeof obj[field.discriminator] === 'string' ? String(obj[field.discriminator]) : '';
  const variant = field.variants.find((v) => v.value === current);
  const id = elementId(uid, path);
  return (
    <>
      <div className="insp-field">
        <label className="insp-field__label" htmlFor={id}>
          <LabelText label="Type" context={field.label} />
        </label>
        <select
          id={id}
          className="insp-input"
          value={current}
          data-testid={fieldTestId(path)}
          aria-invalid={error ? true : undefined}
          onChange={(e) => report(commit(switchVariant(field, value, e.target.value)))}
        >
          {variant ? null : <option value={current}>—</option>}
          {field.variants.map((v) => (
            <option key={v.value} value={v.value}>
              {v.label}
            </option>
          ))}
        </select>
        <ErrorText path={path} error={error} />
      </div>
      {variant ? (
        <SubFields
          fields={variant.fields}
          value={value}
          commit={commit}
          uid={uid}
          context={field.label}
        />
      ) : null}
    </>
  );
}

/** "None" checkbox; when cleared, the inner field appears filled with a sensible value. */
function NullableField({
  field,
  value,
  commit,
  uid,
  context,
}: FieldProps<NullableFieldDescriptor>) {
  const path = `${field.path}.none`;
  const { error: own, report } = useFieldError(value, path);
  const pending = usePendingError(field.path);
  // Leaf and list inners show a pending message about this path beside their own input.
  const innerShows = !['union', 'object', 'unsupported'].includes(field.inner.type);
  const error = own ?? (innerShows ? null : pending);
  const isNone = value === null || value === undefined;
  const id = elementId(uid, path);
  const noneBox = (
    <div className="insp-field--check insp-none">
      <input
        id={id}
        type="checkbox"
        className="insp-check"
        checked={isNone}
        data-testid={fieldTestId(path)}
        onChange={(e) => report(commit(e.target.checked ? null : initialInnerValue(field)))}
      />
      <label htmlFor={id}>
        <LabelText label={field.noneLabel} context={context} />
      </label>
      <ErrorText path={path} error={error} />
    </div>
  );
  const inner = field.inner;
  if (inner.type === 'number') {
    return (
      <NumberField
        field={inner}
        value={isNone ? null : value}
        commit={commit}
        uid={uid}
        context={context}
        disabled={isNone}
        placeholder={isNone ? field.noneLabel : undefined}
      >
        {noneBox}
      </NumberField>
    );
  }
  let body: ReactNode = null;
  if (!isNone) {
    if (inner.type === 'union') {
      body = <UnionBody field={inner} value={value} commit={commit} uid={uid} />;
    } else if (inner.type === 'list') {
      body = (
        <ListBody
          field={inner}
          value={value}
          commit={commit}
          uid={uid}
          context={field.label}
          Field={FieldView}
        />
      );
    } else if (inner.type === 'object') {
      body = (
        <SubFields
          fields={inner.fields}
          value={value}
          commit={commit}
          uid={uid}
          context={inner.label}
        />
      );
    } else {
      body = <FieldView field={inner} value={value} commit={commit} uid={uid} context={context} />;
    }
  }
  return (
    <Group legend={field.label}>
      {noneBox}
      {body}
    </Group>
  );
}

function ObjectField({ field, value, commit, uid }: FieldProps<ObjectFieldDescriptor>) {
  return (
    <Group legend={field.label}>
      <SubFields
        fields={field.fields}
        value={value}
        commit={commit}
        uid={uid}
        context={field.label}
      />
    </Group>
  );
}

function ReadOnlyField({ field, value }: FieldProps<FieldDescriptor>) {
  return (
    <div className="insp-field">
      <span className="insp-field__label">{field.label}</span>
      <code className="insp-readonly" data-testid={fieldTestId(field.path)}>
        {JSON.stringify(value ?? null)}
      </code>
    </div>
  );
}

/** Renders any field descriptor (recursively for unions, nullable values and objects). */
export function FieldView(props: FieldProps<FieldDescriptor>) {
  const { field } = props;
  switch (field.type) {
    case 'number':
      return <NumberField {...props} field={field} />;
    case 'enum':
      return <SelectField {...props} field={field} />;
    case 'boolean':
      return <CheckboxField {...props} field={field} />;
    case 'text':
      return <TextField {...props} field={field} />;
    case 'nullable':
      return <NullableField {...props} field={field} />;
    case 'union':
      return (
        <Group legend={field.label}>
          <UnionBody {...props} field={field} />
        </Group>
      );
    case 'object':
      return <ObjectField {...props} field={field} />;
    case 'list':
      return <ListField {...props} field={field} Field={FieldView} />;
    case 'unsupported':
      return <ReadOnlyField {...props} field={field} />;
  }
}
