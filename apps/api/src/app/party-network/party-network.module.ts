import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PartyNetworkRepository } from '@customs/persistence';
import { PartyNetworkController } from './party-network.controller';
import { PartyNetworkWriter } from './party-network-writer';
import { PartyNetworkService } from './party-network.service';

/**
 * The party network (issue 17): written by screening (off the request path, `PartyNetworkWriter`)
 * and by the import of past outcomes (`PartyNetworkService.record`), read by analysts at `GET /api/parties/:partyKey`.
 */
@Module({
  controllers: [PartyNetworkController],
  providers: [
    { provide: PartyNetworkRepository, useFactory: (ds: DataSource) => new PartyNetworkRepository(ds), inject: [DataSource] },
    PartyNetworkService,
    PartyNetworkWriter,
  ],
  exports: [PartyNetworkService, PartyNetworkWriter],
})
export class PartyNetworkModule {}
