import { createHash } from 'node:crypto';
import { drawsFor, explorationSeed, inControlSample, uniformDraw } from './draws';

/** The draw as the API computed it before this library (node:crypto): the recorded decisions were drawn so. */
const nodeDraw = (key: string) => createHash('sha256').update(key).digest().readUInt32BE(0) / 2 ** 32;
const ids = Array.from({ length: 20000 }, (_, i) => String(10_000_000 + i));

describe('draws', () => {
  it('equal the node:crypto SHA-256 draws the recorded decisions were made with, bit for bit', () => {
    for (const key of ['seed:123', 'control-seed:56839011', 'seed:exploration:X1', 'd\u00e9claration:\ud55c\uad6d', ...ids.slice(0, 2000).map((id) => `s:${id}`)]) {
      expect(uniformDraw(key)).toBe(nodeDraw(key));
    }
  });

  it('are fractions in [0, 1), spread uniformly, and the same on every call', () => {
    const draws = ids.map((id) => drawsFor(id, 'seed'));
    expect(draws.every((d) => d.control >= 0 && d.control < 1 && d.exploration >= 0 && d.exploration < 1)).toBe(true);
    const below = (k: 'control' | 'exploration', x: number) => draws.filter((d) => d[k] < x).length / draws.length;
    expect(below('control', 0.05)).toBeGreaterThan(0.04);
    expect(below('control', 0.05)).toBeLessThan(0.06);
    expect(below('exploration', 0.5)).toBeGreaterThan(0.48);
    expect(below('exploration', 0.5)).toBeLessThan(0.52);
    expect(ids.slice(0, 100).map((id) => drawsFor(id, 'seed'))).toEqual(draws.slice(0, 100));
  });

  it('draws control and exploration independently (different seeds)', () => {
    const d = drawsFor('123', 'seed');
    expect(d.control).toBe(nodeDraw('seed:123'));
    expect(d.exploration).toBe(nodeDraw(`${explorationSeed('seed')}:123`));
    expect(d.control).not.toBe(d.exploration);
  });

  it('puts a declaration in the control sample when its draw is below the share, never at share 0', () => {
    const drawn = ids.filter((id) => inControlSample(id, 'seed', 0.05));
    expect(drawn.length / ids.length).toBeGreaterThan(0.04);
    expect(drawn.every((id) => drawsFor(id, 'seed').control < 0.05)).toBe(true);
    expect(inControlSample('123', 'seed', 0)).toBe(false);
  });
});
