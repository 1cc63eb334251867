import { useContext, useEffect, useRef, useState } from 'react';
import type { EditResult } from '../../store/index.ts';
import type { ListFieldDescriptor } from './field-descriptors.ts';
import { elementId, ErrorText, LabelText, type FieldProps } from './leaf-fields.tsx';
import { ItemCard, type FieldComponent, type ListIds } from './list-item-card.tsx';
import {
  asArray,
  listLevelErrors,
  moveItem,
  removeItem,
  replaceItem,
  testPath,
} from './list-items.ts';
import { PendingErrorsContext } from './pending-errors.ts';
import { EnumSetField, StringListField } from './string-list-field.tsx';
import { newListItem } from './variant-defaults.ts';
import './list-field.css';

export type ListProps = FieldProps<ListFieldDescriptor> & {
  /** Renders each item's fields (the form's FieldView, passed in to keep imports one-way). */
  Field: FieldComponent;
};

/** A refused add, remove or move, kept on screen until it is fixed or discarded. */
interface Pending {
  /** The stored list it was made over: another edit or an undo drops it. */
  base: unknown;
  items: readonly unknown[];
  errors: readonly string[];
}

/**
 * Items as cards with Add, Remove and move up/down. Every change commits the whole list
 * through the form's path (validated, applied live, one undo step). A refused field edit stays
 * in its input as everywhere in the form; a refused add, remove or move stays on screen as a
 * pending list, with the store's messages next to the fields to fix, until a later edit is
 * accepted or the change is discarded.
 */
function ItemList({ field, value, commit, uid, Field }: ListProps) {
  const [pending, setPending] = useState<Pending | null>(null);
  const [keyList, setKeyList] = useState<readonly number[]>([]);
  const focusNext = useRef<{ id: string; within: boolean } | null>(null);
  const parentErrors = useContext(PendingErrorsContext);
  const active = pending !== null && Object.is(pending.base, value) ? pending : null;
  const items = active ? active.items : asArray(value);
  // Stable keys keep an input's draft with its item when items move; an undo that changes the
  // count starts afresh.
  const keys = keyList.length === items.length ? keyList : items.map((_, i) => -1 - i);
  const tp = testPath(field.path);
  const base = elementId(uid, field.path);
  const ids: ListIds = {
    card: (i) => `${base}-item-${i}`,
    up: (i) => `${base}-up-${i}`,
    down: (i) => `${base}-down-${i}`,
    remove: (i) => `${base}-remove-${i}`,
    add: `${base}-add`,
  };

  // Moving or removing re-renders the buttons under new ids: focus follows the item.
  useEffect(() => {
    const target = focusNext.current;
    if (!target) return;
    focusNext.current = null;
    const el = document.getElementById(target.id);
    const inner = target.within
      ? el?.querySelector<HTMLElement>('input:not(:disabled), select, textarea')
      : null;
    (inner ?? el)?.focus();
  });

  const apply = (next: readonly unknown[], nextKeys: readonly number[] | null): EditResult => {
    const r = commit(next);
    if (nextKeys) setKeyList(nextKeys);
    if (r.ok) setPending(null);
    else if (nextKeys || active) setPending({ base: value, items: next, errors: r.errors });
    return r;
  };

  const add = () => {
    focusNext.current = { id: ids.card(items.length), within: true };
    apply([...items, newListItem(field, items)], [...keys, Math.max(0, ...keys) + 1]);
  };
  const remove = (i: number) => {
    const left = items.length - 1;
    focusNext.current = {
      id: left > 0 ? ids.remove(Math.min(i, left - 1)) : ids.add,
      within: false,
    };
    apply(removeItem(items, i), removeItem(keys, i));
  };
  const move = (i: number, delta: number) => {
    const to = i + delta;
    const edge = to === 0 || to === items.length - 1;
    // At either end the button just pressed is disabled: focus its twin instead.
    const id = delta < 0 !== edge ? ids.up(to) : ids.down(to);
    focusNext.current = { id, within: false };
    apply(moveItem(items, i, delta), moveItem(keys, i, delta));
  };

  const full = field.maxItems !== null && items.length >= field.maxItems;
  const noun = field.itemNoun;
  const listMessages = active ? listLevelErrors(active.errors, field.path) : [];

  return (
    <PendingErrorsContext value={active ? [...parentErrors, ...active.errors] : parentErrors}>
      {items.length ? (
        <ol className="insp-list" aria-label={field.label} data-testid={`list-${tp}`}>
          {items.map((item, i) => (
            <ItemCard
              key={keys[i]}
              list={field}
              index={i}
              count={items.length}
              item={item}
              uid={uid}
              ids={ids}
              Field={Field}
              commitItem={(v) => apply(replaceItem(items, i, v), null)}
              onMove={(delta) => move(i, delta)}
              onRemove={() => remove(i)}
            />
          ))}
        </ol>
      ) : (
        <p className="insp-muted insp-list-empty" data-testid={`list-${tp}`}>
          No {noun}s yet.
        </p>
      )}
      {active ? (
        <div className="insp-pending" data-testid={`pending-${tp}`}>
          <p className="insp-pending__text" role="status">
            Not applied yet: fix the marked field or discard this change.
          </p>
          <ErrorText path={field.path} error={listMessages.join('; ') || null} />
          <button
            type="button"
            className="insp-button insp-button--small"
            data-testid={`discard-${tp}`}
            onClick={() => setPending(null)}
          >
            Discard change
          </button>
        </div>
      ) : null}
      <button
        type="button"
        id={ids.add}
        className="insp-button insp-button--add"
        disabled={full}
        title={full ? `At most ${field.maxItems ?? 0} ${noun}s` : undefined}
        data-testid={`add-${tp}`}
        onClick={add}
      >
        <span aria-hidden="true">+</span> Add {noun}
      </button>
    </PendingErrorsContext>
  );
}

/** A list without its frame (inside a nullable field's group): names, a set, or cards. */
export function ListBody(props: ListProps) {
  if (props.field.item.type === 'text') return <StringListField {...props} />;
  if (props.field.item.type === 'enum') return <EnumSetField {...props} />;
  return <ItemList {...props} />;
}

/** A list field: names as one comma-separated input, a set of options as checkboxes, else cards. */
export function ListField(props: ListProps) {
  const { field, context } = props;
  if (field.item.type === 'text' || field.item.type === 'enum') return <ListBody {...props} />;
  return (
    <fieldset className="insp-group" data-testid={`group-${testPath(field.path)}`}>
      <legend className="insp-group__legend">
        <LabelText label={field.label} context={context} />
      </legend>
      <ItemList {...props} />
    </fieldset>
  );
}
