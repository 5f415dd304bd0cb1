/** Absolute path of the `temporal` CLI (TEMPORAL_BIN, PATH, or .tools/temporal). @throws when none is found. */
export declare function temporalBin(): string;
/** Absolute path of Temporal's time-skipping test server (TEMPORAL_TEST_SERVER_BIN, PATH, or .tools). @throws when none is found. */
export declare function temporalTestServerBin(): string;
