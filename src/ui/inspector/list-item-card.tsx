import type { ComponentType } from 'react';
import type { EditResult } from '../../store/index.ts';
import type { FieldDescriptor, ListFieldDescriptor } from './field-descriptors.ts';
import type { FieldProps } from './leaf-fields.tsx';
import { itemField, itemLabel, itemSummary, pairedFields, testPath } from './list-items.ts';

export type FieldComponent = ComponentType<FieldProps<FieldDescriptor>>;

/** Element ids of a list's controls, so focus can follow an item that moved or went. */
export interface ListIds {
  card: (i: number) => string;
  up: (i: number) => string;
  down: (i: number) => string;
  remove: (i: number) => string;
  add: string;
}

export interface ItemCardProps {
  list: ListFieldDescriptor;
  index: number;
  count: number;
  item: unknown;
  uid: string;
  ids: ListIds;
  Field: FieldComponent;
  commitItem: (value: unknown) => EditResult;
  onMove: (delta: number) => void;
  onRemove: () => void;
}

/**
 * One item of a list: a heading ("Route 2 /orders") with move and remove buttons, then the
 * item's fields, rendered by the form's own field components under the item's path.
 */
export function ItemCard(props: ItemCardProps) {
  const { list, index, count, item, uid, ids, Field, commitItem } = props;
  const field = itemField(list, index);
  const label = itemLabel(list, index);
  const summary = itemSummary(list, item);
  const name = summary ? `${label} (${summary})` : label;
  const tp = testPath(list.path);
  const paired = field.type === 'object' ? pairedFields(field.fields) : [];
  const titleId = `${ids.card(index)}-title`;
  const obj =
    typeof item === 'object' && item !== null && !Array.isArray(item)
      ? (item as Record<string, unknown>)
      : {};

  return (
    <li className="insp-item" id={ids.card(index)} data-testid={`item-${tp}-${index}`}>
      <div role="group" aria-labelledby={titleId} className="insp-item__body">
        <div className="insp-item__head">
          <span id={titleId} className="insp-item__title">
            {label}
            {summary ? <span className="insp-item__summary"> {summary}</span> : null}
          </span>
          {count > 1 ? (
            <>
              <button
                type="button"
                id={ids.up(index)}
                className="insp-icon-button insp-icon-button--plain"
                aria-label={`Move ${name} up`}
                title="Move up"
                disabled={index === 0}
                data-testid={`move-up-${tp}-${index}`}
                onClick={() => props.onMove(-1)}
              >
                ↑
              </button>
              <button
                type="button"
                id={ids.down(index)}
                className="insp-icon-button insp-icon-button--plain"
                aria-label={`Move ${name} down`}
                title="Move down"
                disabled={index === count - 1}
                data-testid={`move-down-${tp}-${index}`}
                onClick={() => props.onMove(1)}
              >
                ↓
              </button>
            </>
          ) : null}
          <button
            type="button"
            id={ids.remove(index)}
            className="insp-icon-button"
            aria-label={`Remove ${name}`}
            title={
              count <= list.minItems
                ? `At least ${list.minItems} needed`
                : `Remove ${list.itemNoun}`
            }
            disabled={count <= list.minItems}
            data-testid={`remove-${tp}-${index}`}
            onClick={props.onRemove}
          >
            ×
          </button>
        </div>
        <div className="insp-item__fields">
          {field.type === 'object' ? (
            field.fields.map((f, i) => (
              <div key={f.name} className={paired[i] ? 'insp-item__cell' : 'insp-item__wide'}>
                <Field
                  field={f}
                  value={obj[f.name]}
                  commit={(v) => commitItem({ ...obj, [f.name]: v })}
                  uid={uid}
                  context={label}
                />
              </div>
            ))
          ) : (
            <div className="insp-item__wide">
              <Field field={field} value={item} commit={commitItem} uid={uid} context={label} />
            </div>
          )}
        </div>
      </div>
    </li>
  );
}
