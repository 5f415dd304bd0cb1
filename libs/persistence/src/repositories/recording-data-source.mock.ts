import { DataSource, type QueryRunner } from 'typeorm';
import { ENTITIES } from '../entities';

/** One statement sent to the fake connection: its SQL (whitespace collapsed) and parameters. */
export interface RecordedStatement {
  sql: string;
  params: unknown[];
}

/** What the fake connection answers a statement with: rows (default none). */
export type FakeAnswer = (sql: string, params: unknown[]) => Array<Record<string, unknown>> | undefined;

/**
 * A TypeORM DataSource over every entity whose connections are fakes: nothing is sent to a
 * database, every statement (transaction control included) is recorded in order, and answered
 * by `answer` (no rows by default; `COUNT(1)` queries count 0). For testing what a repository
 * sends and in which transaction, without PostgreSQL; the queries themselves are covered by
 * the end-to-end tests.
 */
export async function recordingDataSource(answer: FakeAnswer = () => undefined): Promise<{ dataSource: DataSource; statements: RecordedStatement[] }> {
  const statements: RecordedStatement[] = [];
  const dataSource = new DataSource({ type: 'postgres', entities: ENTITIES });
  const connection = {
    async query(sql: string, params: unknown[] = []) {
      const flat = sql.replace(/\s+/g, ' ').trim();
      statements.push({ sql: flat, params });
      const rows = answer(flat, params) ?? (/^SELECT COUNT\(1\)/.test(flat) ? [{ cnt: '0' }] : []);
      return { rows, rowCount: rows.length, command: flat.split(' ')[0].toUpperCase() };
    },
  };
  const driver = dataSource.driver;
  const create = driver.createQueryRunner.bind(driver);
  driver.createQueryRunner = (mode) => {
    const runner: QueryRunner = create(mode);
    runner.connect = async () => connection;
    runner.release = async () => {
      (runner as { isReleased: boolean }).isReleased = true;
    };
    return runner;
  };
  // Entity metadata without connecting (what `initialize()` builds after connecting).
  await (dataSource as unknown as { buildMetadatas(): Promise<void> }).buildMetadatas();
  return { dataSource, statements };
}
