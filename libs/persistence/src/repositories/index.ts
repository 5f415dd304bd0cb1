export * from './case-start-outbox.repository';
export * from './decision-record.repository';
export * from './office-risk-policy.repository';
