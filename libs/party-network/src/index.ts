/**
 * Party network (issue 17): a graph of the parties on import declarations, express waybills and
 * bookings of air passengers, kept incrementally,
 * with seizure risk propagated through it (personalised PageRank) and network features for a
 * declaration, all computed as of a date so that nothing dated on that day or later counts.
 */
export * from './party-network';
export * from './stream-documents';
export * from './risk-propagation';
export * from './network-features';
