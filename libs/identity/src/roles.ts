/** The four user groups of the system (DESIGN.md) plus machine clients (ingest, benchmark). */
export const ROLES = ['cbtc_analyst', 'local_officer', 'supervisor', 'auditor', 'service'] as const;
export type Role = (typeof ROLES)[number];

/** The authenticated caller, taken from a verified bearer token. */
export interface AuthUser {
  /** Stable user id (the token's `sub`), recorded as the actor of every change. */
  id: string;
  /** Display name. */
  name: string;
  role: Role;
  /** Customs office of officers and supervisors; null for analysts, auditors and services. */
  officeId: string | null;
}
