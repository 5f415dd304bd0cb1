import {
  BadRequestException, ForbiddenException, Inject, Injectable, NotFoundException, PayloadTooLargeException, UnsupportedMediaTypeException,
} from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { RuntimeConfig } from '@customs/config';
import { IntelligenceRepository, type AttachmentView } from '@customs/persistence';
import type { AuthUser } from '../../services/auth/auth-user';
import { isOfficeBound } from '../../services/auth/office-scope';
import { RUNTIME_CONFIG } from '../../services/config/config.module';
import { ATTACHMENT_TYPES, declaredType, safeFileName, sniffAttachmentType } from './attachment-type';
import type { AttachmentList, AttachmentUpload } from './intelligence.responses';

export type { AttachmentView };

/** The uploaded file as multer (memory storage) hands it over. */
export interface UploadedAttachment {
  originalname: string;
  mimetype: string;
  size: number;
  buffer: Buffer;
}

/**
 * Attachments of intelligence reports (documents, photos), stored in Postgres with their SHA-256.
 * Checks, in order: the report exists and the user may see it (404, 403); a file was sent (400);
 * size at most `ATTACHMENT_MAX_BYTES` (413; multer stops reading beyond it); the magic bytes show
 * PDF, PNG, JPEG or plain text and agree with the declared type (415). The same bytes on one
 * report are stored once: a second upload answers the first row (`created: false`).
 * Who: CBTC analysts on any report; officers and supervisors on the reports of risk cases routed
 * to or shared with their office, or that they reported; auditors list only.
 */
@Injectable()
export class IntelligenceAttachmentsService {
  constructor(
    private readonly intelligence: IntelligenceRepository,
    @Inject(RUNTIME_CONFIG) private readonly config: RuntimeConfig,
  ) {}

  /**
   * Stores `file` on report `reportId` by `user`, once per SHA-256.
   * @returns the attachment and whether this upload stored it (false: the same bytes were there).
   * @throws NotFoundException, ForbiddenException, BadRequestException (no file),
   *   PayloadTooLargeException, UnsupportedMediaTypeException.
   */
  async add(reportId: string, file: UploadedAttachment | undefined, user: AuthUser): Promise<AttachmentUpload> {
    await this.assertMaySee(reportId, user);
    if (!file) throw new BadRequestException('send the file as multipart/form-data in the field "file"');
    if (file.size === 0) throw new BadRequestException('the file is empty');
    if (file.size > this.config.attachmentMaxBytes) {
      throw new PayloadTooLargeException(`an attachment may have at most ${this.config.attachmentMaxBytes} bytes; this one has ${file.size}`);
    }
    const sniffed = sniffAttachmentType(file.buffer);
    if (!sniffed) {
      throw new UnsupportedMediaTypeException(`the file's content is none of ${ATTACHMENT_TYPES.join(', ')} (checked by its bytes, not its name)`);
    }
    const declared = declaredType(file.mimetype);
    if (declared !== null && declared !== sniffed) {
      throw new UnsupportedMediaTypeException(`the file was sent as ${declared} but its bytes are ${sniffed}`);
    }
    const sha256 = createHash('sha256').update(file.buffer).digest('hex');
    return this.intelligence.addAttachment({
      reportId, sha256, fileName: safeFileName(file.originalname), contentType: sniffed, sizeBytes: file.size, content: file.buffer, uploadedBy: user.id,
    });
  }

  /** The report's attachments, oldest first, without their bytes. @throws NotFoundException, ForbiddenException */
  async list(reportId: string, user: AuthUser): Promise<AttachmentList> {
    await this.assertMaySee(reportId, user);
    return { attachments: await this.intelligence.attachments(reportId) };
  }

  private async assertMaySee(reportId: string, user: AuthUser): Promise<void> {
    const row = await this.intelligence.audienceOf(reportId);
    if (!row) throw new NotFoundException(`intelligence report ${reportId} is unknown`);
    if (isOfficeBound(user) && row.reportedBy !== user.id && !(row.officeIds ?? []).includes(user.officeId ?? '')) {
      throw new ForbiddenException(`${user.role} ${user.id} of office ${user.officeId} may not see report ${reportId}: its risk case is neither routed to nor shared with that office`);
    }
  }
}
