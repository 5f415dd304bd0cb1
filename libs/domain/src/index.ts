/**
 * @customs/domain: the declaration type and its validation, lanes, the HS nomenclature, the KCS
 * reference code lists and the mapping of a KCS row. Pure: no framework, no Node module, no I/O
 * (file readers live in @customs/io; test fixtures in @customs/domain/testing).
 */
export * from './declaration';
export * from './declaration.dto';
export * from './express';
export * from './hs-nomenclature';
export * from './kcs-row';
export * from './calendar-days';
export * from './passenger';
export * from './reference';
