/** The caller's identity and roles, as @customs/identity defines them (shared with the tools and the tests). */
export { ROLES, type AuthUser, type Role } from '@customs/identity';
