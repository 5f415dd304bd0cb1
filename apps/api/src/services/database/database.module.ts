import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { RuntimeConfig } from '@customs/config';
import { dataSourceOptions } from '@customs/persistence';
import { RUNTIME_CONFIG } from '../config/config.module';

/** The TypeORM connection to PostgreSQL; features register their entities with `forFeature`. */
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [RUNTIME_CONFIG],
      useFactory: (config: RuntimeConfig) => dataSourceOptions(config.databaseUrl, 20),
    }),
  ],
})
export class DatabaseModule {}
