import type { XrayDecision, XrayItem, XrayQueue, XrayQueueState } from './xray.types';

/**
 * The X-ray page's local copy of one list of the centre's queue (pure, immutable): the items
 * fetched ahead, the first of which is on screen, and the counters as the interpreter should see
 * them. Deciding moves to the next item at once (no request in between); the page refills in the
 * background ({@link needsFetch}) and never while a decision is on its way, so that every answer
 * it merges already reflects the decisions sent before it.
 */
export interface XrayDeck {
  state: XrayQueueState;
  /** Items fetched and not yet decided here, in conveyor order; `items[0]` is the current one. */
  items: readonly XrayItem[];
  /** Waybills in the list on the API side, as last answered and corrected for the decisions since; null before the first answer. */
  pending: number | null;
  held: number | null;
  /** Waybills decided on this page: never shown again from an answer that still lists them. */
  decided: readonly string[];
  /** Counter changes of the decisions made while a fetch was out: its answer cannot have counted them. */
  sinceFetch: readonly CounterDelta[];
  /** A fetch is out. */
  fetching: boolean;
  /** Decisions sent and not answered yet. */
  inFlight: number;
  /** The last answer held every item the API had: no refill until the list is empty (then the page polls). */
  exhausted: boolean;
}

/** What one decision does to the counters, by waybill (to undo it when the API refuses). */
export interface CounterDelta {
  waybillNumber: string;
  pending: number;
  held: number;
}

/** Items asked for ahead of the current one on the pending list (the brief: a few, 5). */
export const PREFETCH = 5;
/** The held list is short: it is loaded whole (up to the API's maximum page). */
export const HELD_BATCH = 100;
/** The API's largest `limit`. */
export const MAX_LIMIT = 100;
/** Refill once fewer items than this are left locally (the current one included). */
export const REFILL_BELOW = 3;

/** An empty deck of `state` before its first answer. */
export function emptyDeck(state: XrayQueueState): XrayDeck {
  return { state, items: [], pending: null, held: null, decided: [], sinceFetch: [], fetching: false, inFlight: 0, exhausted: false };
}

/** The item on screen, or null when none is left locally. */
export function currentItem(deck: XrayDeck): XrayItem | null {
  return deck.items[0] ?? null;
}

/**
 * True when the page should fetch now: fewer than {@link REFILL_BELOW} items left, no fetch out,
 * no decision unanswered (its answer would be ambiguous), and the API not known to be empty.
 * `force` (a refresh, or the poll of an empty list) ignores the last answer's exhaustion.
 */
export function needsFetch(deck: XrayDeck, force = false): boolean {
  if (deck.fetching || deck.inFlight > 0) return false;
  if (force) return true;
  return deck.items.length < REFILL_BELOW && !deck.exhausted;
}

/**
 * The `limit` to ask for: the items held locally (the API lists them first) plus a batch of new
 * ones ({@link PREFETCH} pending, {@link HELD_BATCH} held), at most {@link MAX_LIMIT}.
 */
export function fetchLimit(deck: XrayDeck): number {
  return Math.min(MAX_LIMIT, deck.items.length + (deck.state === 'HELD' ? HELD_BATCH : PREFETCH));
}

/** The deck with a fetch out. */
export function fetchStarted(deck: XrayDeck): XrayDeck {
  return { ...deck, fetching: true, sinceFetch: [] };
}

/**
 * Merges an answer asked with `limit`: the local items keep their order and the answer's new ones
 * follow in conveyor order, leaving out those decided here; the counters are the answer's minus
 * the decisions made while it was out. An answer for another list is ignored (the tab changed).
 */
export function fetchAnswered(deck: XrayDeck, answer: XrayQueue, limit: number): XrayDeck {
  if (answer.state !== deck.state) return deck;
  const known = new Set([...deck.items.map((i) => i.waybillNumber), ...deck.decided]);
  const fresh = answer.items.filter((i) => !known.has(i.waybillNumber));
  const pending = deck.sinceFetch.reduce((n, d) => n + d.pending, answer.pending);
  const held = deck.sinceFetch.reduce((n, d) => n + d.held, answer.held);
  return {
    ...deck,
    items: [...deck.items, ...fresh],
    pending: Math.max(0, pending),
    held: Math.max(0, held),
    sinceFetch: [],
    fetching: false,
    // Nothing new although the page was full: asking again at once would bring nothing either.
    exhausted: answer.items.length < limit || fresh.length === 0,
  };
}

/** The deck after a failed fetch: nothing merged, ready to try again. */
export function fetchFailed(deck: XrayDeck): XrayDeck {
  return { ...deck, fetching: false, sinceFetch: [] };
}

/**
 * Whether `decision` may be taken on `item`: anything but RELEASE of an item selected for
 * intrusive inspection (the API refuses it with 409; the interpreter sends it to inspection).
 */
export function mayDecide(item: XrayItem, decision: XrayDecision): boolean {
  return !(decision === 'RELEASE' && releaseBlocked(item));
}

/** True when the item cannot be released: selection sent it to intrusive inspection (RED). */
export function releaseBlocked(item: Pick<XrayItem, 'outcome'>): boolean {
  return item.outcome === 'INTRUSIVE_INSPECTION';
}

/**
 * The counters' change when the current list loses an item by `decision`: a pending item leaves
 * PENDING, and joins HELD when held; a held item leaves HELD unless held again.
 */
export function counterDelta(state: XrayQueueState, waybillNumber: string, decision: XrayDecision): CounterDelta {
  if (state === 'PENDING') return { waybillNumber, pending: -1, held: decision === 'HOLD' ? 1 : 0 };
  return { waybillNumber, pending: 0, held: decision === 'HOLD' ? 0 : -1 };
}

/** A decision taken locally: the item decided, the deck showing the next one, and the counter change to undo on refusal. */
export interface LocalDecision {
  deck: XrayDeck;
  item: XrayItem;
  decision: XrayDecision;
  delta: CounterDelta;
  /** False for HOLD of an item already held: it stays held (last in the local list), nothing to record, the next item shows. */
  send: boolean;
}

/**
 * Decides the current item at once: it leaves the deck (the next one is current), the counters
 * move, and the decision counts as unanswered until {@link decisionAnswered} or
 * {@link decisionRefused}. HOLD on the held list records nothing (`send` false): the item moves
 * behind the others. Null when there is no current item or the decision is not allowed on
 * it ({@link mayDecide}).
 */
export function decide(deck: XrayDeck, decision: XrayDecision): LocalDecision | null {
  const item = currentItem(deck);
  if (!item || !mayDecide(item, decision)) return null;
  const delta = counterDelta(deck.state, item.waybillNumber, decision);
  if (deck.state === 'HELD' && decision === 'HOLD') {
    // Held again: nothing to record; it goes behind the other held items and the next one shows.
    return { item, decision, delta, send: false, deck: { ...deck, items: [...deck.items.slice(1), item] } };
  }
  return {
    item,
    decision,
    delta,
    send: true,
    deck: {
      ...deck,
      items: deck.items.slice(1),
      pending: deck.pending === null ? null : Math.max(0, deck.pending + delta.pending),
      held: deck.held === null ? null : Math.max(0, deck.held + delta.held),
      decided: [...deck.decided, item.waybillNumber],
      sinceFetch: deck.fetching ? [...deck.sinceFetch, delta] : deck.sinceFetch,
      inFlight: deck.inFlight + 1,
    },
  };
}

/** The deck once the API recorded a decision. */
export function decisionAnswered(deck: XrayDeck): XrayDeck {
  return { ...deck, inFlight: Math.max(0, deck.inFlight - 1) };
}

/**
 * The deck once the API refused or failed a decision: its counter change undone, the waybill no
 * longer counted as decided here. With `restore` (a network or server failure) the item is current
 * again, to decide once more; without (409 already decided otherwise, 404, 403) it stays out, and
 * comes back from the next answer only if the API still lists it.
 */
export function decisionRefused(deck: XrayDeck, local: Pick<LocalDecision, 'item' | 'delta'>, restore: boolean): XrayDeck {
  const { item, delta } = local;
  const listed = deck.items.some((i) => i.waybillNumber === item.waybillNumber);
  return {
    ...deck,
    items: restore && !listed ? [item, ...deck.items] : deck.items,
    pending: deck.pending === null ? null : Math.max(0, deck.pending - delta.pending),
    held: deck.held === null ? null : Math.max(0, deck.held - delta.held),
    decided: deck.decided.filter((w) => w !== item.waybillNumber),
    sinceFetch: deck.sinceFetch.filter((d) => d !== delta),
    inFlight: Math.max(0, deck.inFlight - 1),
    // The API may list it again: ask, even when the last answer was the end of the list.
    exhausted: false,
  };
}

/** True when a refused decision should bring its item back (network failure, 5xx), false when the API's answer is final for it. */
export function restoreAfter(status: number): boolean {
  return !(status === 403 || status === 404 || status === 409 || status === 400);
}

/** The deck with `waybillNumber` made current (picked from the held list); unchanged when it is not there. */
export function bringToFront(deck: XrayDeck, waybillNumber: string): XrayDeck {
  const i = deck.items.findIndex((x) => x.waybillNumber === waybillNumber);
  if (i <= 0) return deck;
  return { ...deck, items: [deck.items[i], ...deck.items.slice(0, i), ...deck.items.slice(i + 1)] };
}
