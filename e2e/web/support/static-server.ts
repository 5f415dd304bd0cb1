import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/** A running static server: its base URL and how to stop it. */
export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

/**
 * Serves the built web app (`dist/apps/web/browser`) on 127.0.0.1 and a free port, the way
 * production would: files as they are, any other path falls back to `index.html` (client
 * routing), and `/api/*` is forwarded to `apiUrl` (502 when nothing answers there).
 */
export async function serveBuiltApp(root: string, apiUrl: string): Promise<StaticServer> {
  const base = resolve(root);
  if (!existsSync(join(base, 'index.html'))) throw new Error(`${base}/index.html is missing: run \`npx nx build web\` first`);
  const api = new URL(apiUrl);
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent((req.url ?? '/').split('?')[0]);
    if (path.startsWith('/api/')) {
      const upstream = request(
        { host: api.hostname, port: api.port, method: req.method, path: req.url, headers: { ...req.headers, host: api.host } },
        (up) => {
          res.writeHead(up.statusCode ?? 502, up.headers);
          up.pipe(res);
        },
      );
      upstream.on('error', () => {
        res.writeHead(502, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ statusCode: 502, message: `no API at ${apiUrl}`, error: 'Bad Gateway' }));
      });
      req.pipe(upstream);
      return;
    }
    let file = normalize(join(base, path));
    if (!file.startsWith(base + sep) || !existsSync(file) || statSync(file).isDirectory()) file = join(base, 'index.html');
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((ok, fail) => server.close((err) => (err ? fail(err) : ok()))),
  };
}
