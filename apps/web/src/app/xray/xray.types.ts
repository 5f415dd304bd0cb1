/**
 * Shapes of the express X-ray interpretation API (`/api/express/...`) as the page reads and
 * sends them: aliases of the generated contract (`@customs/api-contract`).
 */
import type { Schema } from '@customs/api-contract';

/** What selection decided for a waybill: left to the interpreter, flagged for the interpreter (YELLOW), or to be opened (RED). */
export type ExpressOutcome = Schema<'ExpressOutcome'>;

/** The interpreter's decision on one scanned waybill. */
export type XrayDecision = Schema<'XrayDecision'>;

/** One house waybill as the manifest declared it. */
export type ExpressWaybill = Schema<'ExpressWaybill'>;

/** The recorded decision on a waybill: who decided what, when, and the inspection case it opened (INSPECT). */
export type XrayInterpretation = Schema<'XrayInterpretation'>;

/** One item of the X-ray queue: the waybill with its manifest, its selection and the interpretation so far. */
export type XrayItem = Schema<'XrayItem'>;

/** `GET /api/express/xray-queue`: one list of a centre's queue in conveyor order, and both lists' sizes. */
export type XrayQueue = Schema<'XrayQueue'>;

/** Which list of a logistics centre's queue: not yet decided, or held for later. */
export type XrayQueueState = XrayQueue['state'];
