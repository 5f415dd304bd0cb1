/**
 * @customs/domain: the declaration type, its validation, the HS nomenclature, the KCS
 * reference code lists and readers for KCS CSV / NDJSON declaration files.
 */
export * from './declaration';
export * from './declaration.dto';
export * from './declaration.mock';
export * from './declaration-file';
export * from './hs-nomenclature';
export * from './kcs-row';
export * from './reference';
