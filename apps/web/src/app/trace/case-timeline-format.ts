import type { CaseEvent } from '../core/api.types';
import { localTimestamp } from '../core/format';

/** One line of a case's history as shown. */
export interface TimelineEntry {
  seq: number;
  /** `YYYY-MM-DD HH:mm:ss` in the browser's time zone. */
  when: string;
  /** The event type as recorded (`OPENED`, `ASSIGNED`, ...). */
  type: string;
  /** Who acted (`system` for the case workflow itself). */
  actor: string;
  /** The payload as indented JSON for the "details" fold; null when it is empty. */
  details: string | null;
}

/** A case's events as timeline lines, in the order given (the API's `seq` order). */
export function timelineEntries(events: readonly CaseEvent[]): TimelineEntry[] {
  return events.map((e) => ({
    seq: e.seq,
    when: localTimestamp(e.occurredAt),
    type: e.type,
    actor: e.actor,
    details: Object.keys(e.payload).length > 0 ? JSON.stringify(e.payload, null, 2) : null,
  }));
}
