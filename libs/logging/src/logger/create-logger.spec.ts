import type { DestinationStream } from 'pino';
import { createLogger } from './create-logger';
import { withLogContext } from './log-context';

function collector(): { lines: string[]; stream: DestinationStream } {
  const lines: string[] = [];
  return { lines, stream: { write: (line: string) => void lines.push(line) } };
}

describe('createLogger', () => {
  it('writes one JSON line with time, level name, service and message', () => {
    const { lines, stream } = collector();
    createLogger({ service: 'api', destination: stream }).info({ caseId: 'c-1' }, 'case opened');
    expect(lines).toHaveLength(1);
    expect(lines[0].endsWith('\n')).toBe(true);
    const line = JSON.parse(lines[0]);
    expect(line).toMatchObject({ level: 'info', service: 'api', msg: 'case opened', caseId: 'c-1' });
    expect(new Date(line.time).toISOString()).toBe(line.time);
  });

  it('adds the fields of the current log context, inner contexts keeping outer fields', () => {
    const { lines, stream } = collector();
    const logger = createLogger({ service: 'api', destination: stream });
    withLogContext({ requestId: 'r-1', userId: 'officer-40-01' }, () =>
      withLogContext({ declarationId: 'D1' }, () => logger.info('screened')));
    logger.info('outside');
    expect(JSON.parse(lines[0])).toMatchObject({ requestId: 'r-1', userId: 'officer-40-01', declarationId: 'D1' });
    expect(JSON.parse(lines[1]).requestId).toBeUndefined();
  });

  it('masks party ids in fields, messages and errors', () => {
    const { lines, stream } = collector();
    const logger = createLogger({ service: 'worker', destination: stream });
    logger.info({ importerId: 'SHHZGSL' }, 'screened {"declarantId":"76NV527"}');
    logger.error({ err: new Error('duplicate key {"sellerId":"249LO7A"}') }, 'insert failed');
    const text = lines.join('');
    for (const id of ['SHHZGSL', '76NV527', '249LO7A']) expect(text).not.toContain(id);
    expect(JSON.parse(lines[0])).toMatchObject({ importerId: 'SH***', msg: 'screened {"declarantId":"76***"}' });
    expect(JSON.parse(lines[1]).err.message).toBe('duplicate key {"sellerId":"24***"}');
  });

  it('writes nothing below its level', () => {
    const { lines, stream } = collector();
    const logger = createLogger({ service: 'api', level: 'warn', destination: stream });
    logger.info('quiet');
    logger.warn('loud');
    expect(lines.map((l) => JSON.parse(l).msg)).toEqual(['loud']);
  });

  it('writes human-readable masked text in the pretty format', async () => {
    const chunks: string[] = [];
    const { Writable } = await import('node:stream');
    const out = new Writable({ write(chunk, _enc, done) { chunks.push(String(chunk)); done(); } });
    const logger = createLogger({ service: 'api', format: 'pretty', destination: out as unknown as DestinationStream });
    logger.info({ importerId: 'SHHZGSL' }, 'screened');
    await new Promise((resolve) => setImmediate(resolve));
    const text = chunks.join('');
    expect(text).toContain('INFO');
    expect(text).toContain('api | screened');
    expect(text.trim().split('\n')).toHaveLength(1);
    expect(text).toContain('SH***');
    expect(text).not.toContain('SHHZGSL');
    expect(() => JSON.parse(text)).toThrow();
  });
});
