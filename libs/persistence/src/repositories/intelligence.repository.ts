import type { DataSource, EntityManager } from 'typeorm';
import { IntelligenceAttachmentEntity, IntelligenceReportEntity, RiskCaseEntity } from '../entities';

/** One stored intelligence report as served with its risk case. */
export interface IntelligenceReportView<TReport = Record<string, unknown>> {
  reportId: string;
  /** True when the report was linked to an existing case as a duplicate. */
  duplicate: boolean;
  /** The validated report body as received. */
  report: TReport;
  /** CBTC or LOCAL, and the routing rule that chose it. */
  route: string;
  routeRule: string;
  reportedBy: string;
  /** ISO timestamp. */
  receivedAt: string;
}

/** A report to store (see {@link IntelligenceRepository.addReport}). */
export interface NewIntelligenceReport {
  reportId: string;
  riskCaseId: string;
  duplicate: boolean;
  report: object;
  /** Normalised subject keys, sorted. */
  subjectKeys: string[];
  route: string;
  routeRule: string;
  reportedBy: string;
}

/** Filters of {@link IntelligenceRepository.inbox}; each applies when set, all together. */
export interface IntelligenceInboxFilter {
  /** Only reports whose risk case is routed to or shared with this office (officers and supervisors). */
  visibleToOffice?: string | null;
  /** `CBTC`: reports routed to the CBTC desk; an office code: reports routed to that office or whose case is shared with it. */
  desk?: string;
  riskArea?: string;
  sourceType?: string;
  /** First and last day received, `YYYY-MM-DD` (UTC days, inclusive). */
  from?: string;
  to?: string;
  /** True: only reports linked to an existing case as duplicates; false: only reports that opened their case. */
  linked?: boolean;
}

/** One report of the inbox: the stored report and the status of its risk case (null while the case is not projected yet). */
export interface IntelligenceInboxRow<TReport = Record<string, unknown>> {
  reportId: string;
  riskCaseId: string;
  duplicate: boolean;
  report: TReport;
  route: string;
  routeRule: string;
  reportedBy: string;
  /** ISO timestamp. */
  receivedAt: string;
  caseStatus: string | null;
}

/** One attachment as listed: everything but the bytes. */
export interface AttachmentView {
  reportId: string;
  /** The file's name as uploaded, without its path and control characters, at most 255 characters (`attachment` when none is left). */
  fileName: string;
  /** The type its bytes show: `application/pdf`, `image/png`, `image/jpeg` or `text/plain`. */
  contentType: string;
  /**
   * Size, bytes.
   * @minimum 1
   */
  sizeBytes: number;
  /**
   * Lower-case hex SHA-256 of the content.
   * @pattern ^[0-9a-f]{64}$
   */
  sha256: string;
  /** The uploader (user id). */
  uploadedBy: string;
  /** ISO timestamp. */
  uploadedAt: string;
}

/** An attachment to store: its view's fields (but the upload time, which is now) and the bytes. */
export type NewAttachment = Omit<AttachmentView, 'uploadedAt'> & { content: Buffer };

/** Advisory lock key (through `hashtext`) that serialises intakes. */
const INTAKE_LOCK = 'intelligence-intake';

const attachmentView = (a: Omit<AttachmentView, 'uploadedAt'> & { uploadedAt: Date }): AttachmentView => ({
  reportId: a.reportId,
  fileName: a.fileName,
  contentType: a.contentType,
  sizeBytes: a.sizeBytes,
  sha256: a.sha256,
  uploadedBy: a.uploadedBy,
  uploadedAt: a.uploadedAt.toISOString(),
});

/**
 * The intelligence aggregate: `intelligence_report`, each report as received with the risk
 * case it opened or was linked to (append-only in practice), and `intelligence_attachment`,
 * its documents and photos (`bytea`, once per report and SHA-256).
 */
export class IntelligenceRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  private get reports() {
    return this.db.getRepository(IntelligenceReportEntity);
  }

  private get attachmentsRepo() {
    return this.db.getRepository(IntelligenceAttachmentEntity);
  }

  /**
   * Runs `work` in a transaction holding the intake lock (a transaction-level advisory lock),
   * so one intake at a time decides "new case or duplicate". `work` gets a repository over the
   * transaction; what it writes commits when it resolves and rolls back when it throws.
   * @returns what `work` returns.
   */
  async withIntakeLock<T>(work: (reports: IntelligenceRepository, tx: EntityManager) => Promise<T>): Promise<T> {
    const manager = 'manager' in this.db ? this.db.manager : this.db;
    return manager.transaction(async (tx) => {
      await tx.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [INTAKE_LOCK]);
      return work(new IntelligenceRepository(tx), tx);
    });
  }

  /**
   * The risk case of the earliest report sharing any of `subjectKeys`, when that case has not
   * ended (not CLOSED or DISMISSED; a report whose case is not projected yet counts as open);
   * null when there is none.
   */
  async openCaseSharingSubjects(subjectKeys: string[]): Promise<string | null> {
    const [row]: Array<{ riskCaseId: string }> = await this.db.query(
      `SELECT r.risk_case_id AS "riskCaseId" FROM ${this.reports.metadata.tableName} r
       LEFT JOIN ${this.db.getRepository(RiskCaseEntity).metadata.tableName} c ON c.risk_case_id = r.risk_case_id
       WHERE r.subject_keys ?| $1::text[] AND (c.status IS NULL OR c.status NOT IN ('CLOSED', 'DISMISSED'))
       ORDER BY r.received_at LIMIT 1`,
      [subjectKeys],
    );
    return row?.riskCaseId ?? null;
  }

  /** Stores a report, received now (transaction time). */
  async addReport(r: NewIntelligenceReport): Promise<void> {
    await this.reports.insert({
      reportId: r.reportId,
      riskCaseId: r.riskCaseId,
      duplicate: r.duplicate,
      report: { ...r.report },
      subjectKeys: r.subjectKeys,
      route: r.route,
      routeRule: r.routeRule,
      reportedBy: r.reportedBy,
      receivedAt: () => 'now()',
    });
  }

  /** The reports of a risk case, oldest first (empty for an unknown case). */
  async reportsOfCase<TReport = Record<string, unknown>>(riskCaseId: string): Promise<Array<IntelligenceReportView<TReport>>> {
    const rows = await this.reports.find({ where: { riskCaseId }, order: { receivedAt: 'ASC' } });
    return rows.map((r) => ({
      reportId: r.reportId,
      duplicate: r.duplicate,
      report: r.report as TReport,
      route: r.route,
      routeRule: r.routeRule,
      reportedBy: r.reportedBy,
      receivedAt: r.receivedAt.toISOString(),
    }));
  }

  /**
   * One page of the intelligence inbox, newest first (then by report id), with the number of
   * reports matching `filter` (all pages). Raw SQL: the filters read the report's jsonb body.
   */
  async inbox<TReport = Record<string, unknown>>(
    filter: IntelligenceInboxFilter,
    limit: number,
    offset: number,
  ): Promise<{ reports: Array<IntelligenceInboxRow<TReport>>; total: number }> {
    const where: string[] = [];
    const params: unknown[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    // jsonb `?`: the office is an element of the array.
    if (filter.visibleToOffice !== undefined) where.push(`c.office_ids ? ${param(filter.visibleToOffice ?? '')}`);
    if (filter.desk === 'CBTC') where.push(`r.route = 'CBTC'`);
    else if (filter.desk) {
      const office = param(filter.desk);
      where.push(`(r.report->'routing'->'officeIds' ? ${office} OR c.office_ids ? ${office})`);
    }
    if (filter.riskArea) where.push(`r.report->>'riskArea' = ${param(filter.riskArea)}`);
    if (filter.sourceType) where.push(`r.report->'source'->>'type' = ${param(filter.sourceType)}`);
    if (filter.from) where.push(`r.received_at >= (${param(filter.from)}::date AT TIME ZONE 'UTC')`);
    if (filter.to) where.push(`r.received_at < ((${param(filter.to)}::date + 1) AT TIME ZONE 'UTC')`);
    if (filter.linked !== undefined) where.push(`r.duplicate = ${param(filter.linked)}`);
    const from = `FROM ${this.reports.metadata.tableName} r
      LEFT JOIN ${this.db.getRepository(RiskCaseEntity).metadata.tableName} c ON c.risk_case_id = r.risk_case_id
      ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}`;
    // A copy: the page's LIMIT and OFFSET are appended to `params` below.
    const [{ total }]: Array<{ total: number }> = await this.db.query(`SELECT count(*)::int AS total ${from}`, [...params]);
    const rows: Array<Omit<IntelligenceInboxRow<TReport>, 'receivedAt'> & { receivedAt: Date }> = await this.db.query(
      `SELECT r.report_id AS "reportId", r.risk_case_id AS "riskCaseId", r.duplicate, r.report, r.route, r.route_rule AS "routeRule",
         r.reported_by AS "reportedBy", r.received_at AS "receivedAt", c.status AS "caseStatus"
       ${from} ORDER BY r.received_at DESC, r.report_id ASC LIMIT ${param(limit)} OFFSET ${param(offset)}`,
      params,
    );
    return { reports: rows.map((r) => ({ ...r, receivedAt: r.receivedAt.toISOString() })), total };
  }

  /**
   * Who may see a report: its reporter and the offices its risk case is routed to or shared
   * with (null when the case is not projected yet); null for an unknown report.
   */
  async audienceOf(reportId: string): Promise<{ reportedBy: string; officeIds: string[] | null } | null> {
    const row = await this.reports
      .createQueryBuilder('r')
      .leftJoin(RiskCaseEntity, 'c', 'c.riskCaseId = r.riskCaseId')
      .select('r.reportedBy', 'reportedBy')
      .addSelect('c.officeIds', 'officeIds')
      .where('r.reportId = :reportId', { reportId })
      .getRawOne<{ reportedBy: string; officeIds: string[] | null }>();
    return row ?? null;
  }

  /**
   * Stores an attachment once per report and SHA-256 (uploaded now).
   * @returns the stored attachment, and whether this call stored it (false: the same bytes were there).
   */
  async addAttachment(a: NewAttachment): Promise<{ created: boolean; attachment: AttachmentView }> {
    const inserted: Array<Parameters<typeof attachmentView>[0]> = await this.db.query(
      `INSERT INTO ${this.attachmentsRepo.metadata.tableName} (report_id, sha256, file_name, content_type, size_bytes, content, uploaded_by, uploaded_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, now())
       ON CONFLICT ON CONSTRAINT uq_intelligence_attachment_sha256 DO NOTHING
       RETURNING report_id AS "reportId", file_name AS "fileName", content_type AS "contentType", size_bytes AS "sizeBytes",
         sha256, uploaded_by AS "uploadedBy", uploaded_at AS "uploadedAt"`,
      [a.reportId, a.sha256, a.fileName, a.contentType, a.sizeBytes, a.content, a.uploadedBy],
    );
    if (inserted.length > 0) return { created: true, attachment: attachmentView(inserted[0]) };
    const existing = await this.attachmentsRepo.findOne({ where: { reportId: a.reportId, sha256: a.sha256 }, select: ATTACHMENT_COLUMNS });
    return { created: false, attachment: attachmentView(existing!) };
  }

  /** A report's attachments, oldest first, without their bytes. */
  async attachments(reportId: string): Promise<AttachmentView[]> {
    const rows = await this.attachmentsRepo.find({ where: { reportId }, order: { id: 'ASC' }, select: ATTACHMENT_COLUMNS });
    return rows.map(attachmentView);
  }
}

/** The attachment columns read back: all but the bytes. */
const ATTACHMENT_COLUMNS = {
  id: true, reportId: true, fileName: true, contentType: true, sizeBytes: true, sha256: true, uploadedBy: true, uploadedAt: true,
} as const;
