/**
 * @customs/io: reading what the system takes in from files and streams (Node only): KCS
 * declaration files (CSV / NDJSON, one result per row) and the seed criteria folders (`rules/`).
 */
export * from './declaration-file';
export { loadCriteriaFromDir, CriteriaLoadError } from './criteria-loader';
export * from './reference-file';
