import { Module } from '@nestjs/common';
import { AuditController } from './audit.controller';

/** The auditor's verification of the hash-chained audit trail. */
@Module({ controllers: [AuditController] })
export class AuditModule {}
