import type { PartyDocument } from '@customs/party-network';
import type { PartyDeclarationInput, PartyNetworkRepository } from '@customs/persistence';
import { PARTY_FLUSH_MS, PartyNetworkWriter } from './party-network-writer';
import type { PartyNetworkService } from './party-network.service';

const decl = (id: string): PartyDeclarationInput => ({ declarationId: id, date: '2021-03-02', declarantId: 'D1', importerId: `I${id}`, sellerId: null, courierId: null });
const doc = (id: string): PartyDocument => ({ documentId: id, date: '2021-03-02', parties: ['DECLARANT:D1', `IMPORTER:I${id}`] });

/** A stand-in for the service's one-statement write: records each call, fails while `failing` is set. */
function fakeNetwork(missing: PartyDeclarationInput[] = []) {
  const calls: string[][] = [];
  const state = { failing: false };
  const network = {
    recordDocuments: jest.fn(async (ds: readonly PartyDocument[]) => {
      if (state.failing) throw new Error('connection refused');
      calls.push(ds.map((d) => d.documentId));
      return ds.length;
    }),
  };
  const repository = { screenedWithoutParties: jest.fn(async () => missing) };
  return { calls, state, repository, writer: new PartyNetworkWriter(network as unknown as PartyNetworkService, repository as unknown as PartyNetworkRepository) };
}

describe('PartyNetworkWriter', () => {
  afterEach(() => jest.useRealTimers());

  it('returns at once and writes the declarations of every request of the flush window in one statement', async () => {
    jest.useFakeTimers();
    const { calls, writer } = fakeNetwork();
    writer.enqueue([doc('A'), doc('B')]);
    writer.enqueue([doc('C')]);
    expect(calls).toEqual([]);
    expect(writer.backlog).toBe(3);
    await jest.advanceTimersByTimeAsync(PARTY_FLUSH_MS);
    expect(calls).toEqual([['A', 'B', 'C']]);
    expect(writer.backlog).toBe(0);
  });

  it('flush writes what is queued now (read-your-writes) and leaves nothing for the timer', async () => {
    jest.useFakeTimers();
    const { calls, writer } = fakeNetwork();
    writer.enqueue([doc('A')]);
    await writer.flush();
    expect(calls).toEqual([['A']]);
    await jest.advanceTimersByTimeAsync(PARTY_FLUSH_MS * 10);
    expect(calls).toEqual([['A']]);
  });

  it('keeps declarations whose write failed, in order, and writes them on the retry', async () => {
    jest.useFakeTimers();
    const { calls, state, writer } = fakeNetwork();
    state.failing = true;
    writer.enqueue([doc('A')]);
    await jest.advanceTimersByTimeAsync(PARTY_FLUSH_MS);
    expect(calls).toEqual([]);
    expect(writer.backlog).toBe(1);
    writer.enqueue([doc('B')]);
    state.failing = false;
    await jest.advanceTimersByTimeAsync(1_000);
    expect(calls).toEqual([['A', 'B']]);
    expect(writer.backlog).toBe(0);
  });

  it('a failing flush rejects with the database error and keeps the backlog; shutdown writes what is left', async () => {
    const { calls, state, writer } = fakeNetwork();
    state.failing = true;
    writer.enqueue([doc('A')]);
    await expect(writer.flush()).rejects.toThrow('connection refused');
    expect(writer.backlog).toBe(1);
    state.failing = false;
    await writer.onApplicationShutdown();
    expect(calls).toEqual([['A']]);
  });

  it('concurrent flushes write each declaration once', async () => {
    const { calls, writer } = fakeNetwork();
    writer.enqueue([doc('A'), doc('B')]);
    await Promise.all([writer.flush(), writer.flush(), writer.flush()]);
    expect(calls.flat()).toEqual(['A', 'B']);
  });

  it('at start queues the recently screened declarations the network is missing, and writes them', async () => {
    const { calls, repository, writer } = fakeNetwork([decl('LOST1'), decl('LOST2')]);
    expect(await writer.heal()).toBe(2);
    expect(repository.screenedWithoutParties).toHaveBeenCalledWith(100_000, 200_000);
    await writer.flush();
    expect(calls).toEqual([['LOST1', 'LOST2']]);
  });
});
