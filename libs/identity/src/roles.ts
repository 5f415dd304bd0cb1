/**
 * The four user groups of the system (DESIGN.md), the passenger desk of an airport office (the
 * only role that sees passengers' names and travel documents, issue 15), and machine clients
 * (ingest, benchmark).
 */
export const ROLES = ['cbtc_analyst', 'local_officer', 'supervisor', 'auditor', 'passenger_desk', 'service'] as const;
export type Role = (typeof ROLES)[number];

/** The authenticated caller, taken from a verified bearer token. */
export interface AuthUser {
  /** Stable user id (the token's `sub`), recorded as the actor of every change. */
  id: string;
  /** Display name. */
  name: string;
  role: Role;
  /** Customs office of officers, supervisors and the passenger desk; null for analysts, auditors and services. */
  officeId: string | null;
}
