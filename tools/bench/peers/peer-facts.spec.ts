import { sampleDeclaration } from '@customs/domain/testing';
import { CRITERION_FACTS, containsAnyKeyword } from '@customs/selectivity';
import { peerFacts } from './peer-facts';

describe('peerFacts', () => {
  it('gives every criterion fact as our engine derives it, plus the distinct word tokens of the goods description', () => {
    const f = peerFacts(sampleDeclaration({ hsCode: '930200', netMassKg: 4, itemPriceKrw: 10, goodsDescription: 'Revolvers and pistols, other than those of heading 93.03; Pistols' }));
    expect(Object.keys(f).sort()).toEqual([...CRITERION_FACTS, 'words'].sort());
    expect([f.hsChapter, f.hsHeading, f.unitPriceKrwPerKg]).toEqual(['93', '9302', 2.5]);
    expect(f.words).toEqual(['revolvers', 'and', 'pistols', 'other', 'than', 'those', 'of', 'heading', '93', '03']);
  });

  it('mirrors containsAnyKeyword for one-word keywords', () => {
    const text = 'Glue-gun; GUNS, gunpowder_x (n.e.c.)';
    const { words } = peerFacts(sampleDeclaration({ goodsDescription: text }));
    for (const k of ['gun', 'glue', 'guns', 'gunpowder', 'gunpowder_x', 'n', 'e', 'c', 'x']) expect(words.includes(k)).toBe(containsAnyKeyword(text, [k]));
  });

  it('keeps nulls (unit price without mass, no seller) and an empty description', () => {
    const f = peerFacts(sampleDeclaration({ netMassKg: 0, sellerId: null, goodsDescription: undefined }));
    expect([f.unitPriceKrwPerKg, f.sellerId, f.goodsDescription, f.words]).toEqual([null, null, '', []]);
  });
});
