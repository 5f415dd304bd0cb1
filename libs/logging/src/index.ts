export * from './masking/personal-identifiers';
export * from './logger/create-logger';
export * from './logger/log-context';
export * from './temporal/temporal-logger';
export * from './temporal/temporal-runtime-logging';
