import type { ReferenceCodeRepository, StoredReferenceList } from '@customs/persistence';
import { KnownCodesService } from './known-codes.service';

/** A fake of the repository: lists by name -> versions (index + 1), counting the reads. */
class FakeReferenceCodes {
  reads = 0;
  constructor(public lists: Record<string, string[][]>) {}
  async newestVersions(): Promise<Map<string, number>> {
    return new Map(Object.entries(this.lists).map(([l, v]) => [l, v.length]));
  }
  async find(list: string, version?: number): Promise<StoredReferenceList | null> {
    this.reads++;
    const versions = this.lists[list];
    const v = version ?? versions.length;
    return { list, version: v, validFrom: '2020-01-01', importedAt: '2020-01-01T00:00:00.000Z', source: 'test', codes: versions[v - 1].map((code) => ({ code, label: null })) };
  }
}

describe('KnownCodesService', () => {
  const service = (fake: FakeReferenceCodes) => new KnownCodesService(fake as unknown as ReferenceCodeRepository);

  it('knows the newest stored version of a list, and the compiled-in list for a list with none stored', async () => {
    const fake = new FakeReferenceCodes({ 'tax-type': [['A'], ['A', 'FUS6']] });
    const { known, lists } = await service(fake).current();
    expect(lists).toBe('tax-type@2');
    expect(known('taxType', 'FUS6')).toBe(true);
    expect(known('taxType', 'FCN1')).toBe(false); // not in the stored version 2
    expect(known('officeId', '40')).toBe(true); // no office list stored: the compiled-in KCS list
    expect(known('officeId', '101')).toBe(false);
  });

  it('keeps HS codes the nomenclature knows (HS 2017 codes with a known heading) besides the stored list', async () => {
    const { known } = await service(new FakeReferenceCodes({ hs: [['930200']] })).current();
    expect(known('hsCode', '930200')).toBe(true);
    expect(known('hsCode', '880330')).toBe(true);
    expect(known('hsCode', '999999')).toBe(false);
  });

  it('reloads a list only when a newer version appears (looked up at most every 2 s)', async () => {
    jest.useFakeTimers({ now: new Date('2026-12-06T00:00:00Z'), doNotFake: ['nextTick', 'setImmediate'] });
    try {
      const fake = new FakeReferenceCodes({ 'tax-type': [['A']] });
      const s = service(fake);
      expect((await s.current()).known('taxType', 'FUS6')).toBe(false);
      expect(fake.reads).toBe(1);
      fake.lists['tax-type'].push(['A', 'FUS6']);
      expect((await s.current()).known('taxType', 'FUS6')).toBe(false); // within 2 s: the cached lists
      jest.setSystemTime(new Date('2026-12-06T00:00:03Z'));
      expect((await s.current()).known('taxType', 'FUS6')).toBe(true);
      expect(fake.reads).toBe(2);
      jest.setSystemTime(new Date('2026-12-06T00:00:06Z'));
      await s.current();
      expect(fake.reads).toBe(2); // same versions: nothing read again
    } finally {
      jest.useRealTimers();
    }
  });
});
