import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useDeferredValue, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useApp, type TraceEvent } from '../../store/index.ts';
import {
  EVENT_CATEGORIES,
  matchesFilter,
  normaliseQuery,
  type EventCategory,
} from './event-format.ts';
import { EVENT_ROW_PX, EventRow } from './event-row.tsx';
import { faultWindows, inWindows } from './fault-windows.ts';
import { indexAtOrAfter } from './log-snapshot.ts';
import { useRequestFocus } from './request-focus.ts';
import { useLogSnapshot } from './use-log-snapshot.ts';
import './event-log.css';

interface Props {
  /** Also called when a row opens a request's waterfall (e.g. to show the waterfall tab). */
  onOpenRequest?: (requestId: number) => void;
}

/** Where the view was: the first visible event (by sequence number) and how far into it. */
interface Anchor {
  seq: number;
  offsetPx: number;
}

/**
 * The trace events of the run, newest at the bottom, virtualised. It follows new events
 * while scrolled to the bottom and otherwise keeps the rows in view still, even as the
 * bounded log drops its oldest events. Filter by text, by chips and to the fault windows; a
 * row with a request id opens that request's waterfall.
 */
export function EventLog({ onOpenRequest }: Props) {
  const snapshot = useLogSnapshot();
  const [text, setText] = useState('');
  const [chips, setChips] = useState<ReadonlySet<EventCategory>>(() => new Set());
  const [duringFaults, setDuringFaults] = useState(false);
  const faults = useApp((s) => s.scenario.faults);
  const durationMs = useApp((s) => s.scenario.durationMs);
  const windows = useMemo(() => faultWindows(faults, durationMs), [faults, durationMs]);
  const query = normaliseQuery(useDeferredValue(text));
  const focusedId = useRequestFocus((s) => s.requestId);
  const focus = useRequestFocus((s) => s.focus);

  const { events, firstSeq } = snapshot;
  // Indexes into `events` of the rows shown, ascending.
  const rows = useMemo(() => {
    const out: number[] = [];
    for (let i = 0; i < events.length; i++) {
      const e = events[i] as TraceEvent;
      if (duringFaults && !inWindows(e.timeUs, windows)) continue;
      if (matchesFilter(e, query, chips)) out.push(i);
    }
    return out;
  }, [events, query, chips, duringFaults, windows]);

  const scrollRef = useRef<HTMLDivElement>(null);
  const following = useRef(true);
  const anchor = useRef<Anchor | null>(null);
  const [atBottom, setAtBottom] = useState(true);

  // The app does not use React Compiler; the virtualiser is only read during this render.
  // eslint-disable-next-line react-hooks/incompatible-library -- see above
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => EVENT_ROW_PX,
    getItemKey: (i) => firstSeq + (rows[i] ?? i),
    overscan: 12,
  });

  const onScroll = () => {
    const el = scrollRef.current;
    if (!el) return;
    const bottom = el.scrollTop + el.clientHeight >= el.scrollHeight - EVENT_ROW_PX / 2;
    following.current = bottom;
    const first = Math.floor(el.scrollTop / EVENT_ROW_PX);
    const index = rows[first];
    anchor.current =
      index === undefined
        ? null
        : { seq: firstSeq + index, offsetPx: el.scrollTop - first * EVENT_ROW_PX };
    setAtBottom(bottom);
  };

  // After new rows: stick to the bottom, or put the anchored event back where it was.
  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    if (following.current) {
      el.scrollTop = el.scrollHeight;
      return;
    }
    const a = anchor.current;
    if (!a) return;
    const top = indexAtOrAfter(rows, a.seq - firstSeq) * EVENT_ROW_PX + a.offsetPx;
    if (Math.abs(el.scrollTop - top) >= 1) el.scrollTop = top;
  }, [rows, firstSeq]);

  const open = useCallback(
    (requestId: number) => {
      focus(requestId);
      onOpenRequest?.(requestId);
    },
    [focus, onOpenRequest],
  );

  const toggleChip = (id: EventCategory) =>
    setChips((prev) => {
      const next = new Set(prev);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  const jumpToLatest = () => {
    following.current = true;
    setAtBottom(true);
    const el = scrollRef.current;
    if (el) el.scrollTop = el.scrollHeight;
  };

  return (
    <section className="event-log" data-testid="event-log" aria-label="Event log">
      <div className="event-log__toolbar">
        <input
          type="search"
          className="event-log__filter"
          placeholder="Filter: type, node, cause, request id"
          aria-label="Filter events"
          value={text}
          onChange={(e) => setText(e.target.value)}
          data-testid="event-filter"
        />
        <span className="event-log__chips" role="group" aria-label="Event types">
          {EVENT_CATEGORIES.map((c) => (
            <button
              key={c.id}
              type="button"
              className="event-log__chip"
              aria-pressed={chips.has(c.id)}
              onClick={() => toggleChip(c.id)}
              data-testid={`event-chip-${c.id}`}
            >
              {c.label}
            </button>
          ))}
        </span>
        <button
          type="button"
          className="event-log__chip"
          aria-pressed={duringFaults}
          disabled={windows.length === 0}
          title={
            windows.length === 0
              ? 'The scenario has no faults'
              : 'Only events while a fault was active'
          }
          onClick={() => setDuringFaults((on) => !on)}
          data-testid="event-during-faults"
        >
          During faults
        </button>
        <span className="event-log__count" data-testid="event-count">
          {rows.length === events.length
            ? `${events.length} events`
            : `${rows.length} of ${events.length} events`}
        </span>
        {!atBottom && (
          <button type="button" className="event-log__latest" onClick={jumpToLatest}>
            ↓ Latest
          </button>
        )}
      </div>
      <div className="event-log__header" aria-hidden="true">
        <span>Time</span>
        <span>Type</span>
        <span>Node</span>
        <span>Request</span>
        <span>Cause / detail</span>
      </div>
      <div className="event-log__scroll" ref={scrollRef} onScroll={onScroll}>
        {rows.length === 0 ? (
          <p className="event-log__empty" data-testid="event-log-empty">
            {events.length === 0
              ? 'No events yet. Events appear here as the run plays or runs to the end: requests, failures, faults starting and ending, and the hops of sampled requests.'
              : 'No events match the filter.'}
          </p>
        ) : (
          <div className="event-log__rows" style={{ height: virtualizer.getTotalSize() }}>
            {virtualizer.getVirtualItems().map((item) => {
              const event = events[rows[item.index] ?? -1];
              if (!event) return null;
              return (
                <EventRow
                  key={item.key}
                  event={event}
                  top={item.start}
                  focused={event.requestId !== undefined && event.requestId === focusedId}
                  onOpen={open}
                />
              );
            })}
          </div>
        )}
      </div>
    </section>
  );
}
