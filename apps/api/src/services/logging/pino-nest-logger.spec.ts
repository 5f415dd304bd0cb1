import { createLogger } from '@customs/logging';
import { PinoNestLogger } from './pino-nest-logger';

function capture(level: 'trace' | 'info' | 'error' = 'trace') {
  const lines: string[] = [];
  const logger = new PinoNestLogger(createLogger({ service: 'api', level, destination: { write: (l: string) => void lines.push(l) } }));
  return { logger, read: () => lines.map((l) => JSON.parse(l)) };
}

describe('PinoNestLogger', () => {
  it('maps Nest levels to pino levels and takes the trailing string as the context', () => {
    const { logger, read } = capture();
    logger.log('Nest application successfully started', 'NestApplication');
    logger.verbose('v', 'Ctx');
    logger.debug('d');
    logger.warn('w', 'Ctx');
    logger.fatal('f');
    expect(read().map((l) => [l.level, l.msg, l.context])).toEqual([
      ['info', 'Nest application successfully started', 'NestApplication'],
      ['trace', 'v', 'Ctx'],
      ['debug', 'd', undefined],
      ['warn', 'w', 'Ctx'],
      ['fatal', 'f', undefined],
    ]);
  });

  it('keeps the stack of error(message, stack, context) and logs Errors as err', () => {
    const { logger, read } = capture();
    const err = new Error('boom {"importerId":"SHHZGSL"}');
    logger.error('unexpected error', err.stack, 'HTTP');
    logger.error(err, 'ExceptionsHandler');
    const [first, second] = read();
    expect(first).toMatchObject({ level: 'error', msg: 'unexpected error', context: 'HTTP' });
    expect(first.stack).toContain('boom');
    expect(second).toMatchObject({ level: 'error', msg: 'boom {"importerId":"SH***"}', context: 'ExceptionsHandler' });
    expect(second.err.stack).toContain('at ');
    expect(JSON.stringify(read())).not.toContain('SHHZGSL');
  });

  it('turns a plain object message into fields, its message into the line message', () => {
    const { logger, read } = capture();
    logger.debug({ message: 'declaration screened', declarationId: 'D1', lane: 'RED' }, 'ScreeningService');
    expect(read()[0]).toMatchObject({ level: 'debug', msg: 'declaration screened', declarationId: 'D1', lane: 'RED', context: 'ScreeningService' });
  });

  it('writes nothing below the configured level', () => {
    const { logger, read } = capture('error');
    logger.log('info line');
    logger.warn('warn line');
    logger.error('error line');
    expect(read().map((l) => l.msg)).toEqual(['error line']);
  });
});
