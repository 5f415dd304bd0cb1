import { createHash, timingSafeEqual } from 'node:crypto';
import { DEMO_USERS, type AuthUser, type DemoUser } from '@customs/identity';

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
