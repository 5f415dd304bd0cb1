import type { DestinationStream } from 'pino';
import { createLogger } from '../logger/create-logger';
import { PinoTemporalLogger } from './temporal-logger';

describe('PinoTemporalLogger', () => {
  it('maps the SDK levels to pino levels and its metadata to fields', () => {
    const lines: string[] = [];
    const stream: DestinationStream = { write: (line: string) => void lines.push(line) };
    const logger = new PinoTemporalLogger(createLogger({ service: 'worker', level: 'trace', destination: stream }));
    logger.trace('t');
    logger.debug('d');
    logger.info('Activity completed', { workflowId: 'case-D1', activityType: 'projectCaseEvent', sdkComponent: 'activity' });
    logger.warn('w');
    logger.error('e');
    logger.log('WARN', 'via log');
    const parsed = lines.map((l) => JSON.parse(l));
    expect(parsed.map((l) => [l.level, l.msg])).toEqual([
      ['trace', 't'], ['debug', 'd'], ['info', 'Activity completed'], ['warn', 'w'], ['error', 'e'], ['warn', 'via log'],
    ]);
    expect(parsed[2]).toMatchObject({ service: 'worker', workflowId: 'case-D1', activityType: 'projectCaseEvent', sdkComponent: 'activity' });
  });

  it('drops lines below the pino logger level', () => {
    const lines: string[] = [];
    const logger = new PinoTemporalLogger(createLogger({ service: 'worker', level: 'warn', destination: { write: (l: string) => void lines.push(l) } }));
    logger.info('Worker state changed');
    logger.error('Worker failed');
    expect(lines.map((l) => JSON.parse(l).msg)).toEqual(['Worker failed']);
  });
});
