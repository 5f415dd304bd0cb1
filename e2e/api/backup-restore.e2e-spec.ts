import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { sampleDeclaration } from '@customs/domain/testing';
import { createApp } from '@customs/api';
import { eventually, loginAs, startE2eStack, uniqueDeclarationId, type E2eStack } from '../support/e2e-stack';
import { createScratchDatabase, runTool, verifyChainsAt, type ScratchDatabase } from '../support/scratch-database';

/** `npm run backup` (pg_dump) and `npm run restore` (pg_restore): the restored database verifies and serves the same traces. */
describe('backup and restore (e2e)', () => {
  let stack: E2eStack;
  let restored: ScratchDatabase | undefined;
  let restoredApi: INestApplication | undefined;
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'customs-backup-')), 'e2e.dump');

  beforeAll(async () => {
    stack = await startE2eStack();
  }, 180_000);
  afterAll(async () => {
    await restoredApi?.close();
    await restored?.drop();
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
    await stack?.stop();
  });

  it('dumps the database, restores it into an empty one that verifies and answers the same selection traces', async () => {
    const svc = await loginAs(stack, 'svc-ingest');
    const auditor = await loginAs(stack, 'auditor-han');
    const declarations = [
      sampleDeclaration({ declarationId: uniqueDeclarationId(), date: '2021-02-01', officeId: '40', hsCode: '930200' }),
      sampleDeclaration({ declarationId: uniqueDeclarationId(), date: '2021-02-01', officeId: '40' }),
      sampleDeclaration({ declarationId: uniqueDeclarationId(), date: '2021-02-02', officeId: '20', hsCode: '930591' }),
    ];
    await svc.post('/api/declarations/batch').send({ declarations }).expect(200);
    await eventually('the OPENED events', async () => {
      const { rows } = await stack.db.query(`SELECT count(*)::int AS n FROM case_event WHERE case_id = ANY($1) AND type = 'OPENED'`,
        [[declarations[0], declarations[2]].map((d) => `inspection-case-${d.declarationId}`)]);
      return rows[0].n === 2 ? true : undefined;
    });
    const traces = await Promise.all(declarations.map(async (d) => (await auditor.get(`/api/declarations/${d.declarationId}/selection`).expect(200)).body));

    const backup = await runTool('tools/db/backup.ts', [file], { DATABASE_OWNER_URL: stack.config.databaseOwnerUrl });
    console.log(backup.stdout.trim());
    expect(backup).toMatchObject({ code: 0, stdout: expect.stringMatching(/^backup: \S+ -> .*e2e\.dump \(\d+ bytes\)/) });
    expect(fs.statSync(file).size).toBeGreaterThan(10_000);

    restored = await createScratchDatabase(stack.config.databaseOwnerUrl, stack.config.databaseUrl, 'restored');
    const restore = await runTool('tools/db/restore.ts', [file], { DATABASE_OWNER_URL: restored.ownerUrl });
    expect(restore).toMatchObject({ code: 0, stdout: expect.stringContaining(`-> ${restored.name}`) });

    // Every chain verifies, and its head is the source's row at the same position.
    const chains = await verifyChainsAt(restored.appUrl);
    console.log(`restored chains: ${chains.map((c) => `${c.table} ${c.rows} rows ${c.ok ? 'intact' : 'BROKEN'}`).join(', ')}`);
    expect(chains.every((c) => c.ok)).toBe(true);
    expect(chains.filter((c) => c.head !== null).map((c) => c.table)).toEqual(expect.arrayContaining(['decision_record', 'case_event']));
    for (const chain of chains.filter((c) => c.head !== null)) {
      const { rows } = await stack.db.query(`SELECT row_hash FROM ${chain.table} WHERE chain_seq = $1`, [chain.head!.chainSeq]);
      expect({ table: chain.table, hash: rows[0]?.row_hash }).toEqual({ table: chain.table, hash: chain.head!.rowHash });
    }

    // An API on the restored database (as the app's login) serves the same traces.
    restoredApi = await createApp({ ...stack.config, databaseUrl: restored.appUrl, databaseOwnerUrl: restored.ownerUrl });
    await restoredApi.init();
    const login = await request(restoredApi.getHttpServer()).post('/api/auth/token').send({ username: 'auditor-han', password: 'auditor-han-demo' }).expect(200);
    for (const [i, d] of declarations.entries()) {
      const res = await request(restoredApi.getHttpServer()).get(`/api/declarations/${d.declarationId}/selection`)
        .set('authorization', `Bearer ${login.body.accessToken}`).expect(200);
      expect(res.body).toEqual(traces[i]);
    }
  }, 240_000);

  it('refuses to restore into a database that is not empty, and a missing file', async () => {
    expect(restored).toBeDefined();
    const again = await runTool('tools/db/restore.ts', [file], { DATABASE_OWNER_URL: restored!.ownerUrl });
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(new RegExp(`restore: database ${restored!.name} is not empty \\(\\d+ relations\\); restore into a new, empty database`));
    const missing = await runTool('tools/db/restore.ts', ['/nonexistent/backup.dump'], { DATABASE_OWNER_URL: restored!.ownerUrl });
    expect(missing).toMatchObject({ code: 2, stderr: expect.stringContaining('/nonexistent/backup.dump does not exist') });
  });
});
