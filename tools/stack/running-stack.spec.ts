import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readStackState, runningStackEnv, type StackState } from './running-stack';

describe('runningStackEnv', () => {
  let dir: string;
  let file: string;
  const state = (over: Partial<StackState> = {}): StackState => ({
    pid: process.pid,
    databaseUrl: 'postgres://customs_api:customs_api@127.0.0.1:54329/customs',
    databaseOwnerUrl: 'postgres://postgres:password@127.0.0.1:54329/customs',
    temporalAddress: '127.0.0.1:7233',
    apiUrl: 'http://127.0.0.1:3000',
    ...over,
  });
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'running-stack-'));
    file = path.join(dir, 'stack.json');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('completes the environment from the running stack', () => {
    fs.writeFileSync(file, JSON.stringify(state()));
    expect(runningStackEnv({ PATH: '/bin' }, file)).toEqual({
      PATH: '/bin',
      DATABASE_URL: state().databaseUrl,
      DATABASE_OWNER_URL: state().databaseOwnerUrl,
      TEMPORAL_ADDRESS: '127.0.0.1:7233',
      API_URL: 'http://127.0.0.1:3000',
    });
  });

  it('keeps an explicit DATABASE_URL, and explicit other variables', () => {
    fs.writeFileSync(file, JSON.stringify(state()));
    const explicit = { DATABASE_URL: 'postgres://u:p@db.example:5432/customs' };
    expect(runningStackEnv(explicit, file)).toBe(explicit);
    expect(runningStackEnv({ DATABASE_OWNER_URL: 'postgres://o:p@h/x', API_URL: 'http://h:1' }, file)).toMatchObject({
      DATABASE_URL: state().databaseUrl, DATABASE_OWNER_URL: 'postgres://o:p@h/x', API_URL: 'http://h:1',
    });
  });

  it('says how to start a stack when none runs: no file, or its launcher has exited', () => {
    expect(() => runningStackEnv({}, file)).toThrow(/no running stack found .*npm start.*DATABASE_URL/);
    fs.writeFileSync(file, JSON.stringify(state({ pid: 2 ** 22 + 12345 })));
    expect(readStackState(file)).toBeNull();
    expect(() => runningStackEnv({}, file)).toThrow(/no running stack found/);
    fs.writeFileSync(file, '{ not json');
    expect(() => runningStackEnv({}, file)).toThrow(/no running stack found/);
  });
});
