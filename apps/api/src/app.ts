import { ValidationPipe, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { RuntimeConfig } from '@customs/config';
import { AppModule } from './app.module';
import { serveWebApp } from './services/web-app/serve-web-app';

/**
 * Creates the configured (not yet listening) API application: global prefix `/api`,
 * JSON bodies up to `config.bodyLimit` (larger: 413), one global ValidationPipe that
 * refuses unknown and mistyped fields, the OpenAPI document at `/api/docs`
 * (JSON at `/api/docs-json`), and the built web app at `/`. Used by `main.ts` and by the end-to-end tests.
 */
export async function createApp(config: RuntimeConfig): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    bodyParser: false,
    logger: ['error', 'warn', 'log'],
  });
  app.useBodyParser('json', { limit: config.bodyLimit, strict: true });
  app.setGlobalPrefix('api');
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
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  return app;
}
