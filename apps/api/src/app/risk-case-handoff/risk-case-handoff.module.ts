import { Module } from '@nestjs/common';
import { RiskCaseHandoffDispatcher } from './risk-case-handoff.dispatcher';

/** Durable hand-offs from the API's transactions to risk-case workflows (the `risk_case_handoff` outbox). */
@Module({ providers: [RiskCaseHandoffDispatcher], exports: [RiskCaseHandoffDispatcher] })
export class RiskCaseHandoffModule {}
