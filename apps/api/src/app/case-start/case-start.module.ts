import { Module } from '@nestjs/common';
import { CaseStartOutbox } from './case-start-outbox.service';
import { CaseStarterService } from './case-starter.service';

/**
 * Inspection-case starts off the request path: the outbox dispatcher (every API process) claims
 * the rows screening queued with its YELLOW/RED decisions and starts their workflows in Temporal.
 */
@Module({ providers: [CaseStartOutbox, CaseStarterService], exports: [CaseStartOutbox, CaseStarterService] })
export class CaseStartModule {}
