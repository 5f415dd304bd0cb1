import * as fs from 'node:fs';
import * as path from 'node:path';

/** Where `npm start` (`stack.mjs up`) records how to reach the stack it runs; removed when it stops. */
export const STACK_STATE_FILE = path.resolve(__dirname, '../../.data/stack.json');

/** Contents of {@link STACK_STATE_FILE}. */
export interface StackState {
  /** Process id of the launcher; the state is stale when it no longer runs. */
  pid: number;
  /** The app's login (`customs_api`), as the API and the worker use it. */
  databaseUrl: string;
  /** The schema owner's login (migrations, backup, restore, audit). */
  databaseOwnerUrl: string;
  /** Temporal frontend `host:port`. */
  temporalAddress: string;
  /** Base URL of the API, e.g. `http://127.0.0.1:3000`. */
  apiUrl: string;
}

/**
 * The environment a command run beside `npm start` should use: `env` itself when it names a
 * database (`DATABASE_URL`: an explicit setting always wins), else `env` completed with the
 * running stack's `DATABASE_URL`, `DATABASE_OWNER_URL`, `TEMPORAL_ADDRESS` and `API_URL` from
 * {@link STACK_STATE_FILE} (each only where `env` does not set it already).
 * @param file the state file: `STACK_STATE_FILE` when set (tests point it elsewhere), else {@link STACK_STATE_FILE}.
 * @throws Error saying how to start a stack or name a database, when neither is there (no state
 *   file, or its launcher has exited).
 */
export function runningStackEnv(env: NodeJS.ProcessEnv = process.env, file = env.STACK_STATE_FILE || STACK_STATE_FILE): NodeJS.ProcessEnv {
  if (env.DATABASE_URL) return env;
  const state = readStackState(file);
  if (!state) {
    throw new Error(`no running stack found (${path.relative(process.cwd(), file) || file} is missing or its launcher has exited): start one with \`npm start\` in this checkout, or set DATABASE_URL (and DATABASE_OWNER_URL for the schema owner) to reach another database`);
  }
  return {
    ...env,
    DATABASE_URL: state.databaseUrl,
    DATABASE_OWNER_URL: env.DATABASE_OWNER_URL || state.databaseOwnerUrl,
    TEMPORAL_ADDRESS: env.TEMPORAL_ADDRESS || state.temporalAddress,
    API_URL: env.API_URL || state.apiUrl,
  };
}

/** The recorded state of a running stack, or null when there is none or its launcher is gone. */
export function readStackState(file = STACK_STATE_FILE): StackState | null {
  let state: StackState;
  try {
    state = JSON.parse(fs.readFileSync(file, 'utf8')) as StackState;
  } catch {
    return null;
  }
  if (!Number.isInteger(state.pid) || typeof state.databaseUrl !== 'string') return null;
  try {
    process.kill(state.pid, 0);
  } catch (err) {
    // EPERM: it runs, as another user.
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') return null;
  }
  return state;
}
