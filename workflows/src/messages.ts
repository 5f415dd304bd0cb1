/** Contracts (messages, types, ids) of every workflow, for clients and activities. */
export * from './inspection-case/inspection-case.messages';
export * from './risk-case/risk-case.messages';
