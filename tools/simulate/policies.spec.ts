import { SeededRandom } from '../synthetic/random';
import { capacityFor, selectByCriteria, selectControl, selectExploit, selectExplore, stochasticRound, type Candidate } from './policies';

const c = (score: number, lane: Candidate['lane'] = 'GREEN', fired = 0): Candidate => ({ score, lane, fired });

describe('capacityFor', () => {
  it('is the rounded share of the office-day, at least 1, at most n', () => {
    expect(capacityFor(0, 0.05)).toBe(0);
    expect(capacityFor(1, 0.05)).toBe(1);
    expect(capacityFor(30, 0.05)).toBe(2); // 1.5 rounds up
    expect(capacityFor(100, 0.05)).toBe(5);
    expect(capacityFor(3, 1)).toBe(3);
  });
});

describe('stochasticRound', () => {
  it('averages to its argument', () => {
    const rng = new SeededRandom(1);
    let sum = 0;
    for (let i = 0; i < 20000; i++) sum += stochasticRound(0.3, rng);
    expect(sum / 20000).toBeCloseTo(0.3, 1);
    expect(stochasticRound(2, rng)).toBe(2);
  });
});

describe('policies', () => {
  const day = [c(0.1), c(0.9, 'YELLOW', 1), c(0.5, 'RED', 1), c(0.8), c(0.2, 'YELLOW', 3), c(0.7), c(0.3), c(0.4), c(0.6), c(0.05)];

  it('criteria: selected declarations only, RED first, then by criteria fired, no fill', () => {
    expect(selectByCriteria(day, 2).map((p) => p.index)).toEqual([2, 4]);
    expect(selectByCriteria(day, 8).map((p) => p.index)).toEqual([2, 4, 1]);
  });

  it('exploit: the highest scores', () => {
    expect(selectExploit(day, 3).map((p) => p.index)).toEqual([1, 3, 5]);
  });

  it('explore: respects capacity, never repeats, and its random slots lie outside the exploitation picks', () => {
    const rng = new SeededRandom(5);
    let explored = 0;
    for (let t = 0; t < 100; t++) {
      const picks = selectExplore(day, 4, 0.5, rng);
      expect(picks).toHaveLength(4);
      expect(new Set(picks.map((p) => p.index)).size).toBe(4);
      const model = picks.filter((p) => p.reason === 'model').map((p) => p.index);
      expect(model).toEqual(selectExploit(day, model.length).map((p) => p.index));
      for (const p of picks.filter((x) => x.reason === 'explore')) {
        expect(model).not.toContain(p.index);
        explored++;
      }
    }
    expect(explored / 400).toBeCloseTo(0.5, 1);
    // the exploring picks differ from the exploiting ones at least sometimes
    const exploit = new Set(selectExploit(day, 4).map((p) => p.index));
    const differs = Array.from({ length: 50 }, () => selectExplore(day, 4, 0.5, rng)).some((ps) => ps.some((p) => !exploit.has(p.index)));
    expect(differs).toBe(true);
  });

  it('control: uniform sample over all declarations plus the top scores of the rest', () => {
    const rng = new SeededRandom(9);
    const hits = new Array(day.length).fill(0);
    for (let t = 0; t < 1000; t++) {
      const picks = selectControl(day, 2, 0.5, rng);
      expect(picks).toHaveLength(2);
      expect(new Set(picks.map((p) => p.index)).size).toBe(2);
      for (const p of picks.filter((x) => x.reason === 'control')) hits[p.index]++;
    }
    // every declaration, the model's favourite included, is as likely to be in the control sample
    const total = hits.reduce((a, b) => a + b, 0);
    for (const h of hits) expect(h / total).toBeGreaterThan(0.06);
    expect(hits[1]).toBeGreaterThan(0);
  });

  it('is deterministic for a seed', () => {
    const a = selectExplore(day, 4, 0.5, new SeededRandom(3));
    const b = selectExplore(day, 4, 0.5, new SeededRandom(3));
    expect(a).toEqual(b);
  });
});
