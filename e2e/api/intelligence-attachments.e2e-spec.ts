import { createHash, randomBytes } from 'node:crypto';
import { loginAs, startE2eStack, type E2eStack } from '../support/e2e-stack';

/**
 * Attachments of intelligence reports: multipart upload, content type by magic bytes (415),
 * size limit (413), SHA-256 recorded, the same bytes stored once per report, office scoping.
 */
describe('intelligence attachments (e2e)', () => {
  let stack: E2eStack;

  beforeAll(async () => {
    stack = await startE2eStack();
  });
  afterAll(async () => stack?.stop());

  const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
  const pdf = Buffer.from(`%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% ${randomBytes(8).toString('hex')}\n%%EOF\n`, 'latin1');
  const png = Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), randomBytes(32)]);

  it('stores PDF, PNG and text with their SHA-256 once, lists them, and refuses the rest', async () => {
    const analyst = await loginAs(stack, 'analyst-kim');
    const report = await analyst.post('/api/intelligence').send({
      source: { organisation: 'Food and Drug Safety', type: 'DOMESTIC_AGENCY' },
      riskArea: 'PUBLIC_HEALTH',
      subjects: [{ kind: 'IDENTIFIER', idType: 'importerId', value: `ATT${randomBytes(3).toString('hex').toUpperCase()}` }],
      text: 'Lab report and photos of the seized supplements attached.',
    }).expect(201);
    const reportId: string = report.body.reportId;
    const url = `/api/intelligence/${reportId}/attachments`;

    let res = await analyst.post(url).attach('file', pdf, { filename: 'lab-report.pdf', contentType: 'application/pdf' }).expect(201);
    expect(res.body).toEqual({
      created: true,
      attachment: { reportId, fileName: 'lab-report.pdf', contentType: 'application/pdf', sizeBytes: pdf.length, sha256: sha(pdf), uploadedBy: 'analyst-kim', uploadedAt: expect.any(String) },
    });
    // The same bytes again, under another name and by another user: stored once, the first row answered.
    res = await (await loginAs(stack, 'analyst-lee')).post(url).attach('file', pdf, { filename: 'copy.pdf', contentType: 'application/pdf' }).expect(200);
    expect(res.body).toMatchObject({ created: false, attachment: { fileName: 'lab-report.pdf', uploadedBy: 'analyst-kim', sha256: sha(pdf) } });
    // No declared type (octet-stream): the bytes decide. Korean file names survive multipart.
    await analyst.post(url).attach('file', png, { filename: '압수품.png', contentType: 'application/octet-stream' }).expect(201);
    await analyst.post(url).attach('file', Buffer.from('Seized: 40 boxes of unlabelled tablets.\n'), { filename: 'notes.txt', contentType: 'text/plain' }).expect(201);

    // Refusals: bytes that are no allowed type, or contradict the declared one (415); too large (413); no file (400).
    res = await analyst.post(url).attach('file', Buffer.from('7f454c4602010100000000000000000002003e00', 'hex'), { filename: 'photo.png', contentType: 'image/png' }).expect(415);
    expect(res.body.message).toMatch(/checked by its bytes/);
    res = await analyst.post(url).attach('file', png, { filename: 'photo.jpg', contentType: 'image/jpeg' }).expect(415);
    expect(res.body.message).toMatch(/sent as image\/jpeg but its bytes are image\/png/);
    await analyst.post(url).attach('file', Buffer.concat([pdf, Buffer.alloc(10 * 1024 * 1024)]), { filename: 'huge.pdf', contentType: 'application/pdf' }).expect(413);
    res = await analyst.post(url).send({}).expect(400);
    expect(res.body.message).toMatch(/multipart\/form-data/);

    const list = await (await loginAs(stack, 'auditor-han')).get(url).expect(200);
    expect(list.body.attachments.map((a: { fileName: string; contentType: string }) => [a.fileName, a.contentType])).toEqual([
      ['lab-report.pdf', 'application/pdf'], ['압수품.png', 'image/png'], ['notes.txt', 'text/plain'],
    ]);
    expect(list.body.attachments[1]).toMatchObject({ sizeBytes: png.length, sha256: sha(png) });
    const rows = await stack.db.query(`SELECT count(*)::int AS n, sum(length(content))::int AS bytes FROM intelligence_attachment WHERE report_id = $1`, [reportId]);
    expect(rows.rows[0]).toEqual({ n: 3, bytes: pdf.length + png.length + 40 });

    // A CBTC case is routed to no office: officers may not see its report's attachments; auditors may not upload.
    await (await loginAs(stack, 'officer-40-01')).get(url).expect(403);
    await (await loginAs(stack, 'auditor-han')).post(url).attach('file', pdf, 'x.pdf').expect(403);
    await analyst.get('/api/intelligence/intel-00000000-0000-0000-0000-000000000000/attachments').expect(404);
  });
});
