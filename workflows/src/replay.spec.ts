import * as fs from 'node:fs';
import * as path from 'node:path';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { bundleWorkflowCode, DefaultLogger, Runtime, Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';

/**
 * Replay test: every history recorded in `e2e/histories/*.json` (by
 * `tools/histories/record-histories.ts`) must replay against the current workflow code without a
 * non-determinism error. Needs no server. A failure here means a change would break cases that
 * are already running: guard it with `patched()` (see the workflow files) instead.
 */
describe('workflow replay of recorded histories', () => {
  const dir = path.resolve(__dirname, '../../e2e/histories');
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  let bundle: WorkflowBundleWithSourceMap;

  beforeAll(async () => {
    Runtime.install({ logger: new DefaultLogger('WARN') });
    bundle = await bundleWorkflowCode({ workflowsPath: require.resolve('./index.ts'), logger: new DefaultLogger('WARN') });
  }, 60_000);

  it('has recorded histories of both workflows', () => {
    expect(files.some((f) => f.startsWith('risk-case-'))).toBe(true);
    expect(files.some((f) => f.startsWith('inspection-case-'))).toBe(true);
  });

  it.each(files)('replays %s', async (file) => {
    const history = historyFromJSON(JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')));
    expect(history.events?.length).toBeGreaterThan(3);
    // Throws DeterminismViolationError (or the workflow's own failure) if the code no longer fits.
    await Worker.runReplayHistory({ workflowBundle: bundle }, history, path.basename(file, '.json'));
  }, 30_000);
});
