import { Body, Controller, Get, Param, Post, Query, Res, UploadedFile } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { reportLinks, riskCaseLinks } from '../../contract/links';
import type { AuthUser } from '../../services/auth/auth-user';
import { CurrentUser, Roles } from '../../services/auth/auth.decorators';
import { ReportIdPipe } from '../../services/http/id-params.pipe';
import { Idempotent } from '../../services/idempotency/idempotency.interceptor';
import { Responds } from '../../services/http/responds.decorator';
import { CreateIntelligenceDto } from './create-intelligence.dto';
import { IntelligenceAttachmentsService, type UploadedAttachment } from './intelligence-attachments.service';
import { IntelligenceInboxService } from './intelligence-inbox.service';
import type { AttachmentList, AttachmentUpload, IntelligenceInbox } from './intelligence.responses';
import { IntelligenceService, type IntakeResult } from './intelligence.service';
import { ListIntelligenceDto } from './list-intelligence.dto';

/** Intelligence and detection reports (`/api/intelligence`): step 1 of the risk lifecycle. */
@ApiTags('intelligence')
@Controller('intelligence')
export class IntelligenceController {
  constructor(
    private readonly intake: IntelligenceService,
    private readonly attachments: IntelligenceAttachmentsService,
    private readonly inbox: IntelligenceInboxService,
  ) {}

  @Get()
  @Roles('cbtc_analyst', 'auditor', 'supervisor', 'local_officer')
  @ApiOperation({
    summary: 'A desk\u2019s intelligence inbox, newest first, filtered by desk, risk area, source type, received dates and linked-to-a-case (officers and supervisors: reports whose risk case is routed to or shared with their office)',
  })
  @Responds(200, 'IntelligenceInbox', 'One page of reports, newest first, each with its routing and its risk case\u2019s status, and how many match', {
    ...reportLinks('/reports/0/reportId'),
    ...riskCaseLinks('/reports/0/riskCaseId'),
  })
  @ApiResponse({ status: 400, description: 'A filter with a bad value (the field named)' })
  list(@Query() query: ListIntelligenceDto, @CurrentUser() user: AuthUser): Promise<IntelligenceInbox> {
    return this.inbox.list(query, user);
  }

  @Post()
  @Idempotent()
  @Roles('cbtc_analyst', 'local_officer', 'supervisor')
  @ApiOperation({ summary: 'Register a report: routed by rules/routing, opens a risk case, or links to the open one about the same subjects' })
  @Responds(201, 'IntakeResult', 'The report\u2019s id, its risk case (new, or the open one it was linked to) and where routing sent it', {
    ...riskCaseLinks('/riskCaseId'),
    ...reportLinks('/reportId'),
  })
  @ApiResponse({ status: 400, description: 'Invalid report (fields named)' })
  @ApiResponse({ status: 403, description: 'Officers and supervisors report only their own office\u2019s detections' })
  register(@Body() body: CreateIntelligenceDto, @CurrentUser() user: AuthUser): Promise<IntakeResult> {
    return this.intake.register(body, user);
  }

  @Post(':id/attachments')
  @Roles('cbtc_analyst', 'local_officer', 'supervisor')
  @Idempotent({ file: 'file', statusFromResponse: true })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', additionalProperties: false, required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiOperation({ summary: 'Attach a document or photo (PDF, PNG, JPEG, plain text; checked by its bytes) to a report; stored once per SHA-256' })
  @Responds(201, 'AttachmentUpload', 'Stored: the attachment, `created: true`', reportLinks('/attachment/reportId'))
  @Responds(200, 'AttachmentUpload', 'The same bytes were already attached: the stored attachment, `created: false`', reportLinks('/attachment/reportId'))
  @ApiResponse({ status: 400, description: 'No file in the field `file`, or an empty one' })
  @ApiResponse({ status: 403, description: 'Officers and supervisors: the report\u2019s risk case is neither routed to nor shared with their office' })
  @ApiResponse({ status: 404, description: 'Unknown report' })
  @ApiResponse({ status: 413, description: 'Larger than ATTACHMENT_MAX_BYTES (default 10 MiB)' })
  @ApiResponse({ status: 415, description: 'Not a PDF, PNG, JPEG or plain text by its bytes, or bytes that contradict the declared type' })
  async addAttachment(
    @Param('id', ReportIdPipe) id: string,
    @UploadedFile() file: UploadedAttachment | undefined,
    @CurrentUser() user: AuthUser,
    @Res({ passthrough: true }) res: Response,
  ): Promise<AttachmentUpload> {
    const added = await this.attachments.add(id, file, user);
    res.status(added.created ? 201 : 200);
    return added;
  }

  @Get(':id/attachments')
  @Roles('cbtc_analyst', 'auditor', 'local_officer', 'supervisor')
  @ApiOperation({ summary: 'A report\u2019s attachments: name, type, size, SHA-256, who uploaded them and when (no bytes)' })
  @ApiResponse({ status: 403, description: 'Officers and supervisors: the report\u2019s risk case is neither routed to nor shared with their office' })
  @ApiResponse({ status: 404, description: 'Unknown report' })
  @Responds(200, 'AttachmentList', 'The report\u2019s attachments, oldest first, without their bytes')
  listAttachments(@Param('id', ReportIdPipe) id: string, @CurrentUser() user: AuthUser): Promise<AttachmentList> {
    return this.attachments.list(id, user);
  }
}
