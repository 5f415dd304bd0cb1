import {
  HELD_BATCH,
  PREFETCH,
  bringToFront,
  currentItem,
  decide,
  decisionAnswered,
  decisionRefused,
  emptyDeck,
  fetchAnswered,
  fetchFailed,
  fetchLimit,
  fetchStarted,
  mayDecide,
  needsFetch,
  restoreAfter,
  type XrayDeck,
} from './xray-deck';
import { xrayItemMock, xrayItemsMock, xrayQueueMock } from './xray-item.mock';

const waybills = (d: XrayDeck) => d.items.map((i) => i.waybillNumber);

/** A pending deck loaded with WB1..WBn, counters 100 pending / 0 held. */
function loaded(n = PREFETCH): XrayDeck {
  const start = fetchStarted(emptyDeck('PENDING'));
  return fetchAnswered(start, xrayQueueMock(xrayItemsMock(n)), fetchLimit(emptyDeck('PENDING')));
}

describe('X-ray deck: prefetch and advance', () => {
  it('asks for a few items at first and shows the first', () => {
    const d = emptyDeck('PENDING');
    expect(needsFetch(d)).toBe(true);
    expect(fetchLimit(d)).toBe(PREFETCH);
    const l = loaded();
    expect(currentItem(l)?.waybillNumber).toBe('WB1');
    expect(l).toMatchObject({ pending: 100, held: 0, fetching: false, exhausted: false });
  });

  it('moves to the next item at once on a decision, without waiting for the API', () => {
    const r = decide(loaded(), 'RELEASE')!;
    expect(r.item.waybillNumber).toBe('WB1');
    expect(r.send).toBe(true);
    expect(currentItem(r.deck)?.waybillNumber).toBe('WB2');
    expect(r.deck).toMatchObject({ pending: 99, held: 0, inFlight: 1, decided: ['WB1'] });
  });

  it('counts a hold into the held list', () => {
    const r = decide(loaded(), 'HOLD')!;
    expect(r.deck).toMatchObject({ pending: 99, held: 1 });
  });

  it('refills in the background when running low, never while a decision is unanswered', () => {
    let d = loaded();
    d = decide(d, 'RELEASE')!.deck;
    d = decide(d, 'RELEASE')!.deck;
    expect(needsFetch(d)).toBe(false); // 3 left
    d = decide(d, 'INSPECT')!.deck;
    expect(d.items).toHaveLength(2);
    expect(needsFetch(d)).toBe(false); // 3 decisions on their way
    d = decisionAnswered(decisionAnswered(decisionAnswered(d)));
    expect(needsFetch(d)).toBe(true);
    // The API lists the local items first: ask for them plus a new batch.
    expect(fetchLimit(d)).toBe(2 + PREFETCH);
  });

  it('appends only new items in conveyor order, never one decided here', () => {
    let d = loaded(3);
    d = decisionAnswered(decide(d, 'RELEASE')!.deck); // WB1 decided
    d = fetchStarted(d);
    // A slow API still lists WB1.
    const answer = xrayQueueMock([...xrayItemsMock(6)], { pending: 99 });
    d = fetchAnswered(d, answer, 7);
    expect(waybills(d)).toEqual(['WB2', 'WB3', 'WB4', 'WB5', 'WB6']);
    expect(d.exhausted).toBe(true); // 6 answered for a limit of 7: that was all
    expect(needsFetch(d)).toBe(false);
    expect(needsFetch(d, true)).toBe(true);
  });

  it('corrects the counters of an answer by the decisions taken while it was out', () => {
    let d = fetchStarted(loaded(4));
    const r = decide(d, 'HOLD')!;
    d = decisionAnswered(r.deck);
    expect(d).toMatchObject({ pending: 99, held: 1 });
    // The answer was read before the hold reached the API, and still lists WB1.
    d = fetchAnswered(d, xrayQueueMock(xrayItemsMock(9), { pending: 100, held: 0 }), 9);
    expect(d).toMatchObject({ pending: 99, held: 1, sinceFetch: [] });
    expect(currentItem(d)?.waybillNumber).toBe('WB2');
  });

  it('stops refilling after an answer with nothing new (no loop on a list it already has)', () => {
    let d = loaded(2);
    d = fetchAnswered(fetchStarted(d), xrayQueueMock(xrayItemsMock(2)), 2);
    expect(d.exhausted).toBe(true);
    expect(needsFetch(d)).toBe(false);
  });

  it('ignores an answer for the other list and keeps everything after a failed fetch', () => {
    const d = fetchStarted(loaded());
    expect(fetchAnswered(d, xrayQueueMock(xrayItemsMock(3, 50), { state: 'HELD' }), 5)).toBe(d);
    const failed = fetchFailed(d);
    expect(failed).toMatchObject({ fetching: false });
    expect(waybills(failed)).toEqual(waybills(d));
  });

  it('does nothing when no item is left', () => {
    expect(decide(emptyDeck('PENDING'), 'RELEASE')).toBeNull();
  });
});

describe('X-ray deck: refused decisions', () => {
  it('brings the item back and undoes the counters when the API could not be reached', () => {
    const r = decide(loaded(), 'HOLD')!;
    const d = decisionRefused(r.deck, r, restoreAfter(0));
    expect(currentItem(d)?.waybillNumber).toBe('WB1');
    expect(d).toMatchObject({ pending: 100, held: 0, inFlight: 0, decided: [] });
  });

  it('leaves the item out after a final refusal (409, 404, 403), to come back only if the API lists it again', () => {
    expect([409, 404, 403, 400].map(restoreAfter)).toEqual([false, false, false, false]);
    expect([0, 500, 503].map(restoreAfter)).toEqual([true, true, true]);
    const r = decide(loaded(), 'RELEASE')!;
    const d = decisionRefused(r.deck, r, false);
    expect(waybills(d)).toEqual(['WB2', 'WB3', 'WB4', 'WB5']);
    expect(d).toMatchObject({ pending: 100, decided: [], exhausted: false });
  });

  it('drops the refused decision from the corrections of a fetch still out', () => {
    const r = decide(fetchStarted(loaded()), 'RELEASE')!;
    expect(r.deck.sinceFetch).toHaveLength(1);
    const d = decisionRefused(r.deck, r, true);
    expect(d.sinceFetch).toEqual([]);
    expect(fetchAnswered(d, xrayQueueMock(xrayItemsMock(5), { pending: 100 }), 5).pending).toBe(100);
  });
});

describe('X-ray deck: release refused for intrusive inspection', () => {
  const intrusive = xrayItemMock({ waybillNumber: 'SK7055246920', outcome: 'INTRUSIVE_INSPECTION', lane: 'RED' });

  it('refuses R on an item selected for intrusive inspection and keeps it on screen', () => {
    const d = fetchAnswered(fetchStarted(emptyDeck('PENDING')), xrayQueueMock([intrusive, ...xrayItemsMock(2)]), 5);
    expect(mayDecide(intrusive, 'RELEASE')).toBe(false);
    expect(decide(d, 'RELEASE')).toBeNull();
    expect(currentItem(d)?.waybillNumber).toBe('SK7055246920');
    expect(decide(d, 'INSPECT')?.item.waybillNumber).toBe('SK7055246920');
    expect(decide(d, 'HOLD')?.item.waybillNumber).toBe('SK7055246920');
  });

  it('releases flagged (YELLOW) items', () => {
    expect(mayDecide(xrayItemMock({ outcome: 'XRAY_FLAGGED', lane: 'YELLOW' }), 'RELEASE')).toBe(true);
  });
});

describe('X-ray deck: the held list', () => {
  const held = () =>
    fetchAnswered(fetchStarted(emptyDeck('HELD')), xrayQueueMock(xrayItemsMock(3), { state: 'HELD', pending: 10, held: 3 }), HELD_BATCH);

  it('loads the held list whole', () => {
    expect(fetchLimit(emptyDeck('HELD'))).toBe(HELD_BATCH);
    expect(held()).toMatchObject({ pending: 10, held: 3, exhausted: true });
  });

  it('takes a held item out of the held list when it is released or sent to inspection', () => {
    const r = decide(held(), 'INSPECT')!;
    expect(r.send).toBe(true);
    expect(r.deck).toMatchObject({ pending: 10, held: 2 });
  });

  it('keeps a held item held on H: nothing sent, it goes behind the others', () => {
    const r = decide(held(), 'HOLD')!;
    expect(r.send).toBe(false);
    expect(waybills(r.deck)).toEqual(['WB2', 'WB3', 'WB1']);
    expect(r.deck).toMatchObject({ held: 3, inFlight: 0, decided: [] });
  });

  it('brings a picked item to the front', () => {
    expect(waybills(bringToFront(held(), 'WB3'))).toEqual(['WB3', 'WB1', 'WB2']);
    expect(bringToFront(held(), 'WB9')).toEqual(held());
  });
});
