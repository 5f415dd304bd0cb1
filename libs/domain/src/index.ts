export * from './declaration';
