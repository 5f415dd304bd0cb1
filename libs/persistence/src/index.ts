export * from './entities';
export * from './data-source-options';
export * from './audit/audit-chains';
export * from './audit/verify-audit-chains';
export * from './repositories';
export * from './queries/selection-basis.sql';
