import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PartyNetworkRepository } from '@customs/persistence';
import { PartyNetworkController } from './party-network.controller';
import { PartyNetworkService } from './party-network.service';

/**
 * The party network (issue 17): written by screening and by the import of past outcomes
 * (`PartyNetworkService.record`), read by analysts at `GET /api/parties/:partyKey`.
 */
@Module({
  controllers: [PartyNetworkController],
  providers: [
    { provide: PartyNetworkRepository, useFactory: (ds: DataSource) => new PartyNetworkRepository(ds), inject: [DataSource] },
    PartyNetworkService,
  ],
  exports: [PartyNetworkService],
})
export class PartyNetworkModule {}
