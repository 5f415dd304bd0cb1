import { Global, Module } from '@nestjs/common';
import { loadRuntimeConfig, type RuntimeConfig } from '@customs/config';

/** Injection token of the validated `RuntimeConfig`. */
export const RUNTIME_CONFIG = Symbol('RUNTIME_CONFIG');

/**
 * Provides the runtime configuration, validated once at boot.
 * Tests pass their own with `ConfigModule.forRoot(config)`.
 */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: RuntimeConfig = loadRuntimeConfig()) {
    return {
      module: ConfigModule,
      providers: [{ provide: RUNTIME_CONFIG, useValue: config }],
      exports: [RUNTIME_CONFIG],
    };
  }
}
