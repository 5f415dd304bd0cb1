/** Node-only: how the contract is generated (used by `npm run contract` and the drift checks), never by the web app. */
export * from './render-contract';
export * from './response-schemas';
