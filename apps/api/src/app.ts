import { RequestMethod, ValidationPipe, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { withResponseSchemas } from './contract/response-schemas';
import type { RuntimeConfig } from '@customs/config';
import helmet from 'helmet';
import type { DestinationStream } from 'pino';
import { createLogger } from '@customs/logging';
import { AppModule } from './app.module';
import { answerMiddlewareErrors } from './services/http/http-errors';
import { rejectHostileInput, requireUtf8, requireUtf8Charset } from './services/http/hostile-input';
import { CustomsMetrics } from './services/metrics/customs-metrics';
import { httpMetrics } from './services/metrics/http-metrics';
import { RouteGate } from './services/http/route-gate';
import { TokenService } from './services/auth/token.service';
import { documentCommonResponses } from './services/http/openapi-responses';
import { documentValidationRules } from './services/http/openapi-validation';
import { serveWebApp } from './services/web-app/serve-web-app';
import { PinoNestLogger } from './services/logging/pino-nest-logger';
import { bindRequestLogContext, REQUEST_ID_HEADER, requestLogger } from './services/logging/request-logging';

/**
 * The hash of the one inline script of the built web app: Angular's non-blocking stylesheet
 * loader `<link ... media="print" onload="this.media='all'">`, allowed by hash, so the
 * Content-Security-Policy can forbid every other inline script and handler.
 */
const WEB_APP_STYLESHEET_ONLOAD = "'sha256-MhtPZXr7+LpJUY5qtMutB+qWfQtMaPccfe7QXtCcEYc='";

/**
 * Creates the configured (not yet listening) API application: security headers (helmet, with a
 * Content-Security-Policy fit for the web app and the OpenAPI page), CORS for the
 * `CORS_ORIGINS` allow-list only (none by default: same-origin), global prefix `/api`, JSON
 * bodies up to `config.bodyLimit` (larger: 413) refused when malformed (400) or holding
 * characters no field may hold or nesting too deep (400, `rejectHostileInput`), and before the
 * body is read, 405 with `Allow` for a method a documented path does not serve and 401 for a
 * protected route without a valid token (`RouteGate`), one global
 * ValidationPipe that refuses unknown and mistyped fields, the OpenAPI document at `/api/docs`
 * (JSON at `/api/docs-json`), the built web app at `/`, Prometheus metrics at `/metrics` (every request
 * timed by route template and status), and JSON-line logs (pino, `config.log`:
 * service `api`, personal identifiers masked) of Nest, the application and one line per request
 * with its id (`X-Request-Id`, echoed), user, route, status and duration.
 * Used by `main.ts` and by the end-to-end tests.
 * @param options.logDestination where log lines go instead of stdout (tests capture them).
 */
export async function createApp(config: RuntimeConfig, options: { logDestination?: DestinationStream } = {}): Promise<INestApplication> {
  const logger = createLogger({ service: 'api', level: config.log.level, format: config.log.format, destination: options.logDestination });
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    bodyParser: false,
    logger: new PinoNestLogger(logger),
  });
  app.disable('x-powered-by');
  // First: every request gets an id and a log line, those refused by the gate below included.
  app.use(requestLogger(logger));
  const tokens = app.get(TokenService);
  // The document's paths are known once it is built (below); the gate sits before the body parser.
  const gate = new RouteGate((token) => tokens.verify(token));
  // First: every answer is timed, those of the middleware below (401, 405, 413, ...) included.
  app.use(httpMetrics(app.get(CustomsMetrics), (p) => gate.templateOf(p)));
  app.use(
    helmet({
      contentSecurityPolicy: {
        // No upgrade-insecure-requests: TLS is the deployment's (a proxy's) job, and on a plain-http
        // host the browser would otherwise rewrite every script and style URL to https and load none.
        directives: { scriptSrcAttr: ["'unsafe-hashes'", WEB_APP_STYLESHEET_ONLOAD], upgradeInsecureRequests: null },
      },
    }),
  );
  app.enableCors({
    // An empty list: no CORS headers at all, so browsers keep other origins out (same-origin only).
    origin: config.corsOrigins.length > 0 ? config.corsOrigins : false,
    methods: ['GET', 'POST'],
    allowedHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key', REQUEST_ID_HEADER],
    exposedHeaders: ['WWW-Authenticate', 'Retry-After-login', 'Retry-After-ingest', REQUEST_ID_HEADER],
    maxAge: 600,
  });
  app.use(gate.handle);
  app.use(requireUtf8Charset);
  app.useBodyParser('json', { limit: config.bodyLimit, strict: true, verify: requireUtf8 });
  app.use(rejectHostileInput);
  app.use(bindRequestLogContext);
  app.use(answerMiddlewareErrors);
  // `GET /metrics` stays at the root, where scrapers look for it (README, "Metrics and health").
  app.setGlobalPrefix('api', { exclude: [{ path: 'metrics', method: RequestMethod.GET }] });
  serveWebApp(app, config);
  app.useGlobalPipes(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true }));
  app.enableShutdownHooks();
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Customs risk management API')
      .setDescription('Screening of import declarations, selection traces and inspection cases')
      .setVersion('0.1.0')
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'POST /api/auth/token (development) or your identity provider' })
      .addSecurityRequirements('bearer')
      .build(),
  );
  const served = documentCommonResponses(app, documentValidationRules(app, withResponseSchemas(document)));
  gate.load(served);
  SwaggerModule.setup('api/docs', app, served, { jsonDocumentUrl: 'api/docs-json' });
  return app;
}
