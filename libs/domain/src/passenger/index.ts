export * from './apis';
export * from './pnr';
