import { DECLARATION_FIELDS } from '@customs/domain';
import { CRITERION_FACTS, declarationFacts } from './facts';
import { mockDeclaration } from './testing/declaration.mock';

describe('declarationFacts', () => {
  it('copies every field and derives chapter, heading, unit price', () => {
    const f = declarationFacts(mockDeclaration({ hsCode: '851712', netMassKg: 4, itemPriceKrw: 1000 }));
    expect(f.hsChapter).toBe('85');
    expect(f.hsHeading).toBe('8517');
    expect(f.unitPriceKrwPerKg).toBe(250);
    expect(f.importerId).toBe('QLRUBN9');
    expect(Object.keys(f).sort()).toEqual([...CRITERION_FACTS].sort());
  });

  it('carries every declaration field over unchanged, and nothing outside the Declaration', () => {
    const d = { ...mockDeclaration({ sellerId: null, courierId: 'C01' }), extra: 'not a fact' };
    const f = declarationFacts(d) as unknown as Record<string, unknown>;
    for (const field of DECLARATION_FIELDS) expect([field, f[field]]).toEqual([field, (d as Record<string, unknown>)[field]]);
    expect(f['extra']).toBeUndefined();
  });

  it('gives a null unit price for zero mass and an empty description when absent', () => {
    const d = mockDeclaration({ netMassKg: 0 });
    delete d.goodsDescription;
    const f = declarationFacts(d);
    expect(f.unitPriceKrwPerKg).toBeNull();
    expect(f.goodsDescription).toBe('');
  });
});
