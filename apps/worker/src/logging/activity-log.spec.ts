import { MockActivityEnvironment } from '@temporalio/testing';
import { createLogger, PinoTemporalLogger } from '@customs/logging';
import { activityLog } from './activity-log';

describe('activityLog', () => {
  it("writes through the activity's context logger: the line carries the workflow id and activity type", async () => {
    const lines: string[] = [];
    const logger = new PinoTemporalLogger(createLogger({ service: 'worker', destination: { write: (l: string) => void lines.push(l) } }));
    const env = new MockActivityEnvironment({ workflowExecution: { workflowId: 'inspection-case-D1', runId: 'run-1' }, activityType: 'projectCaseEvent' }, { logger });
    await env.run(async () => activityLog('info', 'projecting case event OPENED', { caseId: 'inspection-case-D1', declarationId: 'D1' }));
    const line = lines.map((l) => JSON.parse(l)).find((l) => l.msg === 'projecting case event OPENED');
    expect(line).toMatchObject({ level: 'info', service: 'worker', workflowId: 'inspection-case-D1', activityType: 'projectCaseEvent', caseId: 'inspection-case-D1', declarationId: 'D1' });
  });

  it('does nothing outside an activity', () => {
    expect(() => activityLog('info', 'no context', {})).not.toThrow();
  });
});
