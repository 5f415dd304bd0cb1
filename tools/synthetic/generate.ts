import { writeFileSync } from 'node:fs';
import { generateExpressManifest } from './express-generator';
import { generatePassengers } from './passenger-generator';

/**
 * Writes a SYNTHETIC express manifest or passenger data set (see tools/synthetic/README.md)
 * to a JSON file and prints a one-line JSON summary to stdout.
 *
 *   node -r @swc-node/register tools/synthetic/generate.ts express --seed 7 --waybills 10000 --out file.json
 *       [--arrival-at 2026-12-01T06:30:00Z] [--centre 40] [--mode AIR|SEA]
 *   node -r @swc-node/register tools/synthetic/generate.ts passengers --seed 7 --flights 5 --per-flight 200 --out file.json
 *       [--date 2026-12-01]
 *
 * The file holds `{ notice, generator: { kind, seed, options }, ...output }` where output is
 * `{ manifest, planted }` or `{ apis, pnrs, planted }`. Exit code 2 on bad arguments.
 */

export const SYNTHETIC_NOTICE = 'SYNTHETIC DATA: invented by tools/synthetic for tests and development; no real shipment, person or booking. See tools/synthetic/README.md.';

/** Parses `--name value` pairs after the kind. @throws Error on a missing value or a stray argument. */
export function parseArgs(argv: readonly string[]): { kind: string; flags: Map<string, string> } {
  const [kind, ...rest] = argv;
  const flags = new Map<string, string>();
  for (let i = 0; i < rest.length; i += 2) {
    const name = rest[i];
    const value = rest[i + 1];
    if (!name.startsWith('--') || value === undefined || value.startsWith('--')) throw new Error(`expected --name value, got ${name}`);
    flags.set(name.slice(2), value);
  }
  return { kind: kind ?? '', flags };
}

function intFlag(flags: Map<string, string>, name: string, fallback?: number): number {
  const raw = flags.get(name);
  if (raw === undefined) {
    if (fallback === undefined) throw new Error(`--${name} is required`);
    return fallback;
  }
  if (!/^\d+$/.test(raw)) throw new Error(`--${name} must be a non-negative integer, got ${raw}`);
  return Number(raw);
}

/**
 * Generates what `argv` asks for and writes it to `--out`.
 * @returns the summary printed by the CLI.
 * @throws Error (bad arguments) or RangeError (out-of-range sizes).
 */
export function run(argv: readonly string[]): Record<string, unknown> {
  const { kind, flags } = parseArgs(argv);
  const out = flags.get('out');
  if (out === undefined) throw new Error('--out is required');
  const seed = intFlag(flags, 'seed');
  const started = performance.now();
  if (kind === 'express') {
    const mode = flags.get('mode') ?? 'AIR';
    if (mode !== 'AIR' && mode !== 'SEA') throw new Error(`--mode must be AIR or SEA, got ${mode}`);
    const options = {
      waybills: intFlag(flags, 'waybills'),
      arrivalAt: flags.get('arrival-at') ?? '2026-12-01T06:30:00Z',
      logisticsCentreId: flags.get('centre') ?? '40',
      transportMode: mode,
    } as const;
    const generated = generateExpressManifest(seed, options);
    writeFileSync(out, formatRecords({ notice: SYNTHETIC_NOTICE, generator: { kind, seed, options }, ...generated }) + '\n');
    return { kind, seed, out, waybills: generated.manifest.waybills.length, planted: countBy(generated.planted.map((p) => p.pattern)), ms: Math.round(performance.now() - started) };
  }
  if (kind === 'passengers') {
    const options = { flights: intFlag(flags, 'flights'), passengersPerFlight: intFlag(flags, 'per-flight'), date: flags.get('date') ?? '2026-12-01' };
    const generated = generatePassengers(seed, options);
    writeFileSync(out, formatRecords({ notice: SYNTHETIC_NOTICE, generator: { kind, seed, options }, ...generated }) + '\n');
    return { kind, seed, out, apis: generated.apis.length, pnrs: generated.pnrs.length, planted: countBy(generated.planted.map((p) => p.pattern)), ms: Math.round(performance.now() - started) };
  }
  throw new Error(`kind must be express or passengers, got ${kind || '(none)'}`);
}

/**
 * JSON with one record a line: an array of objects puts each element on its own line, an object
 * holding arrays puts each property on its own line, everything else is compact. Diffs of a
 * regenerated fixture then show the records that changed.
 */
export function formatRecords(value: unknown, depth = 0): string {
  const pad = ' '.repeat(depth);
  if (Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'object' && v !== null)) {
    return `[\n${value.map((v) => `${pad} ${JSON.stringify(v)}`).join(',\n')}\n${pad}]`;
  }
  if (typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).some((v) => typeof v === 'object' && v !== null)) {
    return `{\n${Object.entries(value).map(([k, v]) => `${pad} ${JSON.stringify(k)}: ${formatRecords(v, depth + 1)}`).join(',\n')}\n${pad}}`;
  }
  return JSON.stringify(value);
}

function countBy(xs: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const x of xs) counts[x] = (counts[x] ?? 0) + 1;
  return counts;
}

if (require.main === module) {
  try {
    console.log(JSON.stringify(run(process.argv.slice(2))));
  } catch (e) {
    console.error(`generate: ${(e as Error).message}`);
    process.exit(2);
  }
}
