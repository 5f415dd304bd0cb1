import { postWithRetry } from '../http/post-with-retry';
import type { Credential } from './credential';

/** The counts of one screened manifest, as `POST /api/express/manifests` answers them in `summary`, with the manifest id. */
export interface ExpressIngestSummary {
  manifestId: string;
  /** Waybills in the manifest. */
  received: number;
  release: number;
  xrayFlagged: number;
  intrusiveInspection: number;
  /** Waybills screened before (a re-send): their stored selection was returned, nothing new written. */
  duplicates: number;
  /** Inspection cases this request queued (INTRUSIVE_INSPECTION waybills screened now). */
  casesStarted: number;
}

/** What the API made of a manifest. */
export type ExpressIngestOutcome =
  | { kind: 'screened'; status: 200 | 201; summary: ExpressIngestSummary }
  /** 400 invalid (`errors`: one message per problem, by path), 409 conflicting re-send, 413 above the body limit: nothing was written. */
  | { kind: 'refused'; status: number; message: string; errors: string[] };

/**
 * Sends one express manifest to `POST /api/express/manifests` as one request (up to 20,000
 * waybills; the API's body limit, 10 MB by default, bounds its size). Network errors and 5xx are
 * retried with back-off (the API is idempotent per waybill, so a retry after a lost answer
 * returns the stored selections); an expired token is renewed once.
 * @param api base URL, e.g. `http://127.0.0.1:3000`
 * @param manifest the manifest object (validated by the API, not here)
 * @throws Error when the API stays unreachable or answers 5xx `attempts` times, refuses the
 *   identity (401 after a renewal, 403), or answers anything else unexpected.
 */
export async function postExpressManifest(api: string, credential: Credential, manifest: unknown, attempts = 8): Promise<ExpressIngestOutcome> {
  for (let renewed = false; ; renewed = true) {
    const res = await postWithRetry(`${api}/api/express/manifests`, manifest, await credential.header(), { attempts });
    if (res.status === 401 && !renewed && credential.renew()) continue;
    const body = (await res.json().catch(() => ({ message: res.statusText }))) as {
      manifestId?: string;
      summary?: Omit<ExpressIngestSummary, 'manifestId'>;
      message?: unknown;
      errors?: unknown;
    };
    if ((res.status === 200 || res.status === 201) && body.summary) {
      return { kind: 'screened', status: res.status, summary: { manifestId: String(body.manifestId), ...body.summary } };
    }
    const message = Array.isArray(body.message) ? body.message.join('; ') : String(body.message ?? res.statusText);
    if (res.status === 401 || res.status === 403) throw new Error(`the API refused the ingest identity (HTTP ${res.status}): ${message}`);
    if (res.status === 400 || res.status === 409 || res.status === 413) {
      const errors = Array.isArray(body.errors) ? body.errors.map(String) : [];
      return { kind: 'refused', status: res.status, message: res.status === 413 ? `the manifest is larger than the API's body limit (${message})` : message, errors };
    }
    throw new Error(`POST /api/express/manifests answered HTTP ${res.status}: ${message}`);
  }
}
