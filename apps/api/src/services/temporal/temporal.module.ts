import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import type { RuntimeConfig } from '@customs/config';
import { RUNTIME_CONFIG } from '../config/config.module';

/** Injection token of the Temporal `Client`. */
export const TEMPORAL_CLIENT = Symbol('TEMPORAL_CLIENT');

/**
 * The Temporal client used to start case workflows and send them updates.
 * Connects lazily so the API boots (and reports unhealthy) while Temporal is down.
 */
@Global()
@Module({
  providers: [
    {
      provide: TEMPORAL_CLIENT,
      inject: [RUNTIME_CONFIG],
      useFactory: (config: RuntimeConfig) => {
        const connection = Connection.lazy({ address: config.temporalAddress, tls: config.temporalTls });
        return new Client({ connection, namespace: config.temporalNamespace });
      },
    },
  ],
  exports: [TEMPORAL_CLIENT],
})
export class TemporalModule implements OnApplicationShutdown {
  constructor(@Inject(TEMPORAL_CLIENT) private readonly client: Client) {}

  async onApplicationShutdown(): Promise<void> {
    await this.client.connection.close();
  }
}
