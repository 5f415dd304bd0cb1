import * as fs from 'node:fs';

/** An express manifest as read from a file: not validated (the API does that), only its shape as far as the CLI needs it. */
export interface ManifestFromFile {
  /** The manifest object to send to `POST /api/express/manifests`. */
  manifest: Record<string, unknown>;
  /** `manifest.manifestId` when it is a string, else null. */
  manifestId: string | null;
  /** The waybill numbers in file order (index i is `waybills[i]`; null where a waybill has none). */
  waybillNumbers: Array<string | null>;
}

/**
 * Reads an express manifest from a JSON file: either the manifest itself
 * (`{manifestId, transportMode, voyage, arrivalAt, logisticsCentreId, waybills: [...]}`, see
 * `ExpressManifest` in @customs/domain) or a file of tools/synthetic
 * (`{notice, generator, manifest, planted}`), whose `manifest` is taken.
 * @param file path of a UTF-8 JSON file (a leading BOM is allowed).
 * @throws Error naming the file when it is not JSON, or holds no manifest object with a `waybills` array.
 */
export function readExpressManifestFile(file: string): ManifestFromFile {
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new Error(`${file} is not a JSON file: ${(err as Error).message}`);
  }
  const manifest = isObject(parsed) && isObject(parsed.manifest) && !('waybills' in parsed) ? parsed.manifest : parsed;
  if (!isObject(manifest) || !Array.isArray(manifest.waybills)) {
    throw new Error(`${file} holds no express manifest: expected an object with a "waybills" array (or a tools/synthetic file with a "manifest")`);
  }
  return {
    manifest,
    manifestId: typeof manifest.manifestId === 'string' ? manifest.manifestId : null,
    waybillNumbers: (manifest.waybills as unknown[]).map((w) => (isObject(w) && typeof w.waybillNumber === 'string' ? w.waybillNumber : null)),
  };
}

/**
 * The API's validation messages (`waybills[3].grossWeightKg must be ...`), each followed by the
 * waybill number of the row it names when the file has one, e.g.
 * `waybills[3].grossWeightKg must be > 0, got -3 (waybill HX4420346262)`.
 */
export function annotateErrors(errors: readonly string[], waybillNumbers: ReadonlyArray<string | null>): string[] {
  return errors.map((e) => {
    const m = /^waybills\[(\d+)\]/.exec(e);
    const number = m ? waybillNumbers[Number(m[1])] : null;
    return number ? `${e} (waybill ${number})` : e;
  });
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
