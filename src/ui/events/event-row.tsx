import { memo, type KeyboardEvent } from 'react';
import type { TraceEvent } from '../../store/index.ts';
import { describeEvent, formatEventTime, isFailure, isHop } from './event-format.ts';

/** Row height in px; the virtualiser relies on every row having it. */
export const EVENT_ROW_PX = 22;

interface Props {
  event: TraceEvent;
  top: number;
  focused: boolean;
  onOpen(requestId: number): void;
}

function rowClass(e: TraceEvent, focused: boolean): string {
  let c = 'event-row';
  if (isFailure(e)) c += ' event-row--bad';
  else if (e.type.startsWith('fault.')) c += ' event-row--fault';
  else if (isHop(e)) c += ' event-row--hop';
  if (e.requestId !== undefined) c += ' event-row--request';
  if (focused) c += ' event-row--focused';
  return c;
}

/** One trace event; rows with a request id open its waterfall on click or Enter. */
export const EventRow = memo(function EventRow({ event: e, top, focused, onOpen }: Props) {
  const requestId = e.requestId;
  const open =
    requestId === undefined
      ? undefined
      : {
          role: 'button' as const,
          tabIndex: 0,
          title: `Show the waterfall of request #${requestId}`,
          onClick: () => onOpen(requestId),
          onKeyDown: (k: KeyboardEvent) => {
            if (k.key !== 'Enter' && k.key !== ' ') return;
            k.preventDefault();
            k.stopPropagation();
            onOpen(requestId);
          },
        };
  return (
    <div
      className={rowClass(e, focused)}
      style={{ transform: `translateY(${top}px)`, height: EVENT_ROW_PX }}
      data-testid="event-row"
      {...open}
    >
      <span className="event-row__time">{formatEventTime(e.timeUs)}</span>
      <span className="event-row__type">{e.type}</span>
      <span className="event-row__node">{e.node}</span>
      <span className="event-row__request">{requestId === undefined ? '' : `#${requestId}`}</span>
      <span className="event-row__detail">{describeEvent(e)}</span>
    </div>
  );
});
