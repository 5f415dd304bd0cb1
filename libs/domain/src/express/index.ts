export * from './express-manifest';
// The field checks stay internal to the express and passenger validators; only the result type and date bounds are public.
export { type DocumentValidation, MAX_DOCUMENT_DATE, MIN_DOCUMENT_DATE } from '../field-checks';
