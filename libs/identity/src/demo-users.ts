import type { AuthUser } from './roles';

/** A seeded user of the development identity provider: who they are and their password. */
export interface DemoUser extends AuthUser {
  username: string;
  password: string;
}

/**
 * The development identity provider's directory: every role, two analysts (maker-checker),
 * officers of offices 40 and 20, a supervisor of each, the passenger desk of office 40 (Incheon
 * Airport), an auditor and the ingest service.
 * Documented in the README ("Demo users"). Development and tests only: the passwords are public.
 */
export const DEMO_USERS: readonly DemoUser[] = [
  { id: 'analyst-kim', username: 'analyst-kim', password: 'analyst-kim-demo', name: 'Kim Ji-woo (CBTC analyst)', role: 'cbtc_analyst', officeId: null },
  { id: 'analyst-lee', username: 'analyst-lee', password: 'analyst-lee-demo', name: 'Lee Seo-yeon (CBTC analyst)', role: 'cbtc_analyst', officeId: null },
  { id: 'officer-40-01', username: 'officer-40-01', password: 'officer-40-01-demo', name: 'Park Min-jun (officer, office 40)', role: 'local_officer', officeId: '40' },
  { id: 'officer-40-02', username: 'officer-40-02', password: 'officer-40-02-demo', name: 'Choi Ha-eun (officer, office 40)', role: 'local_officer', officeId: '40' },
  { id: 'officer-20-01', username: 'officer-20-01', password: 'officer-20-01-demo', name: 'Jung Do-yun (officer, office 20)', role: 'local_officer', officeId: '20' },
  { id: 'supervisor-40', username: 'supervisor-40', password: 'supervisor-40-demo', name: 'Kang Su-bin (supervisor, office 40)', role: 'supervisor', officeId: '40' },
  { id: 'supervisor-20', username: 'supervisor-20', password: 'supervisor-20-demo', name: 'Yoon Ji-ho (supervisor, office 20)', role: 'supervisor', officeId: '20' },
  { id: 'paxdesk-40', username: 'paxdesk-40', password: 'paxdesk-40-demo', name: 'Oh Se-ri (passenger desk, office 40)', role: 'passenger_desk', officeId: '40' },
  { id: 'auditor-han', username: 'auditor-han', password: 'auditor-han-demo', name: 'Han Yu-na (auditor)', role: 'auditor', officeId: null },
  { id: 'svc-ingest', username: 'svc-ingest', password: 'svc-ingest-demo', name: 'Ingest service', role: 'service', officeId: null },
];
