import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import type { RuntimeConfig } from '@customs/config';
import { RUNTIME_CONFIG } from '../../services/config/config.module';
import { RiskCaseHandoffModule } from '../risk-case-handoff/risk-case-handoff.module';
import { IntelligenceAttachmentsService } from './intelligence-attachments.service';
import { IntelligenceInboxService } from './intelligence-inbox.service';
import { IntelligenceController } from './intelligence.controller';
import { IntelligenceService } from './intelligence.service';

/**
 * Intelligence intake and routing (opens risk cases) and the desks' inbox. Attachments arrive as multipart uploads
 * held in memory (one file, at most `ATTACHMENT_MAX_BYTES`: multer stops reading beyond it, 413).
 */
@Module({
  imports: [
    RiskCaseHandoffModule,
    MulterModule.registerAsync({
      inject: [RUNTIME_CONFIG],
      // No storage or dest: multer keeps the file in memory (`file.buffer`).
      useFactory: (config: RuntimeConfig) => ({ limits: { fileSize: config.attachmentMaxBytes, files: 1, fields: 10, parts: 12 } }),
    }),
  ],
  controllers: [IntelligenceController],
  providers: [IntelligenceService, IntelligenceAttachmentsService, IntelligenceInboxService],
})
export class IntelligenceModule {}
