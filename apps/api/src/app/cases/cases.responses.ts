/** One case of a bulk assignment: assigned, or refused with the status and reason a single assignment would have answered. */
export interface BulkAssignResult {
  caseId: string;
  assigned: boolean;
  /** The case's status after the assignment; null when refused. */
  status: string | null;
  /** Why it was refused (403 another office, 404 unknown, 409 closed or in a state that cannot be assigned, 422 not an officer of the office); null when assigned. */
  refusal: { statusCode: number; message: string } | null;
}

/** `POST /api/cases/assign`: every named case, in the order given, and the counts. */
export interface BulkAssignment {
  results: BulkAssignResult[];
  assigned: number;
  refused: number;
}

/** `GET /api/offices/:officeId/officers`: who may be assigned the office's cases. */
export interface OfficeOfficers {
  officeId: string;
  /**
   * DIRECTORY: the identity provider's users (the development IdP's demo users); SEEN: with an
   * external identity provider, the officers the office's cases have been assigned to so far.
   */
  source: 'DIRECTORY' | 'SEEN';
  officers: Array<{ id: string; name: string | null }>;
}
