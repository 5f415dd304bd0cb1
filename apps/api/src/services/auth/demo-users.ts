import { createHash, timingSafeEqual } from 'node:crypto';
import type { AuthUser } from './auth-user';

/** A seeded user of the development identity provider: who they are and their password. */
export interface DemoUser extends AuthUser {
  username: string;
  password: string;
}

/**
 * The development identity provider's directory: every role, two analysts (maker-checker),
 * officers of offices 40 and 20, a supervisor of each, an auditor and the ingest service.
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
  { id: 'auditor-han', username: 'auditor-han', password: 'auditor-han-demo', name: 'Han Yu-na (auditor)', role: 'auditor', officeId: null },
  { id: 'svc-ingest', username: 'svc-ingest', password: 'svc-ingest-demo', name: 'Ingest service', role: 'service', officeId: null },
];

const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();

/** The demo user with these credentials, or null (compared in constant time). */
export function findDemoUser(username: string, password: string): AuthUser | null {
  const user = DEMO_USERS.find((u) => u.username === username);
  // Compare against a dummy when the user is unknown, so timing does not tell which part was wrong.
  const ok = timingSafeEqual(digest(user?.password ?? '\u0000no-such-user'), digest(password));
  if (!user || !ok) return null;
  return toAuthUser(user);
}

/** The demo user with this id, or null. */
export function demoUserById(id: string): AuthUser | null {
  const user = DEMO_USERS.find((u) => u.id === id);
  return user ? toAuthUser(user) : null;
}

function toAuthUser({ id, name, role, officeId }: DemoUser): AuthUser {
  return { id, name, role, officeId };
}
