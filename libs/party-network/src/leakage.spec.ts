/**
 * Leakage tests (issue 17): nothing dated on the as-of date D or later may change a score or a
 * feature computed as of D. Two networks are built, one with the past only, one with the past plus
 * future declarations and outcomes (interleaved, added first); everything computed as of D must be
 * exactly equal (toEqual on numbers: bit-for-bit equal floats).
 */
import type { Declaration } from '@customs/domain';
import { prng as mulberry32, sampleDeclaration } from '@customs/domain/testing';
import { PartyNetwork, networkFeatures, propagateRisk } from './index';
import type { InspectionOutcome, RiskSnapshot } from './index';

const D = '2020-03-01';

interface History {
  declarations: Declaration[];
  outcomes: InspectionOutcome[];
}

/**
 * 400 declarations over Jan-Apr 2020 among a small pool of parties, a quarter inspected, outcomes 0-20 days
 * later, plus three seized declarations dated D with parties never seen before.
 */
function syntheticHistory(): History {
  const random = mulberry32(17);
  const pick = (prefix: string, n: number) => `${prefix}${Math.floor(random() * n)}`;
  const declarations: Declaration[] = [];
  const outcomes: InspectionOutcome[] = [];
  for (let i = 0; i < 400; i++) {
    const day = new Date(Date.UTC(2020, 0, 1) + Math.floor(random() * 120) * 86_400_000).toISOString().slice(0, 10);
    const declaration = sampleDeclaration({
      declarationId: String(1000 + i),
      date: day,
      declarantId: pick('D', 8),
      importerId: pick('I', 40),
      sellerId: random() < 0.7 ? pick('S', 30) : null,
      courierId: random() < 0.3 ? pick('C', 4) : null,
    });
    declarations.push(declaration);
    if (random() < 0.25) {
      const outcomeDay = new Date(Date.parse(`${day}T00:00:00Z`) + Math.floor(random() * 21) * 86_400_000).toISOString().slice(0, 10);
      const fraud = random() < 0.4 ? 1 : 0;
      outcomes.push({ declarationId: declaration.declarationId, date: outcomeDay, fraud, criticalFraud: fraud === 1 && random() < 0.3 ? 1 : 0 });
    }
  }
  // On D itself: brand-new parties next to old ones, seized the same day (must stay invisible as of D).
  for (const [i, [declarantId, importerId]] of [['D0', 'NEW-I'], ['NEW-D', 'I0'], ['NEW-D2', 'NEW-I2']].entries()) {
    const declaration = sampleDeclaration({ declarationId: String(900 + i), date: D, declarantId, importerId, sellerId: 'NEW-S', courierId: null });
    declarations.push(declaration);
    outcomes.push({ declarationId: declaration.declarationId, date: D, fraud: 1, criticalFraud: 1 });
  }
  return { declarations, outcomes };
}

/** A network holding only what is knowable before D: declarations dated before D, outcomes dated before D. */
function pastOnly(history: History): PartyNetwork {
  const network = new PartyNetwork();
  for (const declaration of history.declarations) if (declaration.date < D) network.add(declaration);
  for (const outcome of history.outcomes) if (outcome.date < D) network.recordOutcome(outcome);
  return network;
}

/** A network holding everything, future first and in reverse order, so insertion order differs too. */
function withFuture(history: History): PartyNetwork {
  const network = new PartyNetwork();
  const future = history.declarations.filter((d) => d.date >= D);
  const past = history.declarations.filter((d) => d.date < D).reverse();
  for (const declaration of [...future, ...past]) network.add(declaration);
  for (const outcome of [...history.outcomes].reverse()) network.recordOutcome(outcome);
  return network;
}

/** Everything a snapshot says, as plain data, for exact comparison. */
function plain(snapshot: RiskSnapshot) {
  return {
    asOf: snapshot.asOf,
    nodes: snapshot.graph.nodes(),
    edges: snapshot.graph.mapEdges((_edge, attributes, source, target) => [source, target, attributes.weight]),
    seeds: [...snapshot.seeds],
    parties: [...snapshot.parties.values()],
  };
}

describe('leakage: nothing dated D or later changes what is computed as of D', () => {
  const history = syntheticHistory();

  it('the synthetic history has past and future declarations, seizures, and outcomes straddling D', () => {
    expect(history.declarations.some((d) => d.date >= D)).toBe(true);
    expect(history.outcomes.filter((o) => o.fraud === 1 && o.date < D).length).toBeGreaterThan(5);
    // seized declarations dated before D whose outcome arrives on D or later: must not be seeds as of D
    expect(history.outcomes.some((o) => {
      const declaration = history.declarations.find((d) => d.declarationId === o.declarationId);
      return o.fraud === 1 && o.date >= D && declaration !== undefined && declaration.date < D;
    })).toBe(true);
  });

  it('risk scores, seeds, graph and explanations are exactly equal with and without the future', () => {
    const past = propagateRisk(pastOnly(history), D);
    const full = propagateRisk(withFuture(history), D);
    expect(past.seeds.size).toBeGreaterThan(0);
    expect(plain(full)).toEqual(plain(past));
  });

  it('network features of every declaration dated D are exactly equal with and without the future', () => {
    const past = propagateRisk(pastOnly(history), D);
    const full = propagateRisk(withFuture(history), D);
    const probes = history.declarations.filter((d) => d.date >= D);
    expect(probes.length).toBeGreaterThan(0);
    for (const declaration of probes) {
      expect(networkFeatures(full, declaration)).toEqual(networkFeatures(past, declaration));
    }
  });

  it('a seizure on day D itself (declaration or outcome dated D) is not a seed as of D but is as of D+1', () => {
    const network = new PartyNetwork();
    network.add(sampleDeclaration({ declarationId: '1', date: '2020-02-28', declarantId: 'A', importerId: 'B', sellerId: null, courierId: null }));
    network.add(sampleDeclaration({ declarationId: '2', date: D, declarantId: 'A', importerId: 'C', sellerId: null, courierId: null }));
    network.recordOutcome({ declarationId: '1', date: D, fraud: 1, criticalFraud: 0 });
    network.recordOutcome({ declarationId: '2', date: D, fraud: 1, criticalFraud: 1 });
    expect(network.seedsAsOf(D).size).toBe(0);
    expect([...propagateRisk(network, D).parties.values()].every((r) => r.score === 0)).toBe(true);
    expect(network.graphAsOf(D).hasNode('IMPORTER:C')).toBe(false);
    expect([...network.seedsAsOf('2020-03-02').keys()]).toEqual(['DECLARANT:A', 'IMPORTER:B', 'IMPORTER:C']);
  });

  it('holds for the express and passenger streams: a waybill and a booking on D, seizures known on D, change nothing as of D', () => {
    const past = new PartyNetwork();
    const full = new PartyNetwork();
    const waybill = (n: string, date: string, shipper: string, consignee: string) => ({ documentId: `EXP-${n}`, date, parties: ['COURIER:EXKR01', `SHIPPER:${shipper}`, `CONSIGNEE:${consignee}`] });
    const booking = (ref: string, date: string, ...pax: string[]) => ({ documentId: `PNR-${ref}`, date, parties: pax.map((p) => `PASSENGER:PAX-${p}`) });
    const before = [waybill('HX1', '2020-02-10', 'CN01', 'P000000000001'), waybill('HX2', '2020-02-11', 'CN02', 'P000000000001'), booking('BK0001', '2020-02-12', '000000000000000A', '000000000000000B')];
    const onOrAfter = [waybill('HX3', D, 'CN02', 'P000000000009'), booking('BK0002', D, '000000000000000B', '000000000000000C')];
    for (const document of before) past.addDocument(document);
    for (const document of [...onOrAfter, ...before].reverse()) full.addDocument(document);
    // HX1 seized before D; HX2 and a passenger seized, known on D: not seeds as of D.
    past.recordOutcome({ declarationId: 'EXP-HX1', date: '2020-02-20', fraud: 1, criticalFraud: 1 });
    for (const outcome of [
      { declarationId: 'EXP-HX2', date: D, fraud: 1 as const, criticalFraud: 0 as const },
      { declarationId: 'PAX-000000000000000A', date: D, fraud: 1 as const, criticalFraud: 1 as const },
      { declarationId: 'EXP-HX1', date: '2020-02-20', fraud: 1 as const, criticalFraud: 1 as const },
    ]) full.recordOutcome(outcome);
    full.addDocument({ documentId: 'PAX-000000000000000A', date: D, parties: ['PASSENGER:PAX-000000000000000A'] });
    expect(plain(propagateRisk(full, D))).toEqual(plain(propagateRisk(past, D)));
    expect([...past.seedsAsOf(D).keys()]).toEqual(['CONSIGNEE:P000000000001', 'COURIER:EXKR01', 'SHIPPER:CN01']);
    expect([...full.seedsAsOf('2020-03-02').keys()]).toContain('PASSENGER:PAX-000000000000000A');
    expect([...full.seedsAsOf('2020-03-02').keys()]).toContain('SHIPPER:CN02');
  });
});
