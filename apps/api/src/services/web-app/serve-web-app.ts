import { Logger } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { RuntimeConfig } from '@customs/config';

/** Where `npx nx build web` puts the browser bundle, from the repository root. */
const DEFAULT_WEB_DIST = path.resolve(__dirname, '../../../../../dist/apps/web/browser');

/**
 * Serves the built Angular app at `/` with Express's static middleware; any other GET
 * outside `/api` that asks for HTML gets `index.html`, so the app's deep links work.
 * When the app is not built, the API runs alone and says so.
 * @returns true when the web app is served.
 */
export function serveWebApp(app: NestExpressApplication, config: RuntimeConfig): boolean {
  const root = config.webDistDir || DEFAULT_WEB_DIST;
  const index = path.join(root, 'index.html');
  if (!fs.existsSync(index)) {
    new Logger('WebApp').warn(`web app not built (${root}); run \`npx nx build web\` to serve it at /`);
    return false;
  }
  app.useStaticAssets(root, { index: 'index.html', fallthrough: true });
  app.use((req: Request, res: Response, next: NextFunction) => {
    // `/metrics` too: a scraper's `Accept` ends in `*/*`, which `accepts('html')` would take for a browser.
    if (req.method !== 'GET' || req.path.startsWith('/api') || req.path === '/metrics' || !req.accepts('html')) return next();
    res.sendFile(index);
  });
  return true;
}
