import type { AuthUser } from './auth-user';

/**
 * Who the users are, for checks on users other than the caller (an assignee must be an
 * officer of the case's office). Backed by the development IdP's demo users; with an
 * external identity provider the API has no directory and `lookup` answers `undefined`
 * ("cannot tell"), so such checks rely on the caller's own office alone.
 */
export class UserDirectory {
  constructor(private readonly users: readonly AuthUser[] | null) {}

  /** The local officers of an office, by id; undefined without a directory. */
  officersOf(officeId: string): AuthUser[] | undefined {
    if (!this.users) return undefined;
    return this.users
      .filter((u) => u.role === 'local_officer' && u.officeId === officeId)
      .map((u) => ({ id: u.id, name: u.name, role: u.role, officeId: u.officeId }))
      .sort((a, b) => a.id.localeCompare(b.id));
  }

  /** The user with this id; null when unknown to a known directory; undefined without a directory. */
  lookup(id: string): AuthUser | null | undefined {
    if (!this.users) return undefined;
    const u = this.users.find((x) => x.id === id);
    return u ? { id: u.id, name: u.name, role: u.role, officeId: u.officeId } : null;
  }
}
