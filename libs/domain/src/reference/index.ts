export * from './countries';
export * from './kcs-codes';
export { KCS_COUNTRY_CODES } from './kcs-codes.generated';
export * from './data-quality';
export * from './reference-lists';
