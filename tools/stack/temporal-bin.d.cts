/** Absolute path of the `temporal` CLI (TEMPORAL_BIN, PATH, or .tools/temporal). @throws when none is found. */
export declare function temporalBin(): string;
