import { Module } from '@nestjs/common';
import { KnownCodesService } from './known-codes.service';
import { ReferenceController } from './reference.controller';
import { ReferenceService } from './reference.service';

/** The versioned reference lists, read (`GET /api/reference/{list}`), and the codes screening treats as known (`KnownCodesService`). */
@Module({ controllers: [ReferenceController], providers: [ReferenceService, KnownCodesService], exports: [KnownCodesService] })
export class ReferenceModule {}
