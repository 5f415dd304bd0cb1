/**
 * @customs/identity: who may use the system: the roles, the authenticated user, and the
 * development identity provider's demo users (development and tests only). Pure data and types.
 */
export * from './roles';
export * from './demo-users';
