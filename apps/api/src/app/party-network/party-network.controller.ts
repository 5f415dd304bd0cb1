import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../services/auth/auth.decorators';
import { PartyKeyPipe } from './party-key.pipe';
import { Responds } from '../../services/http/responds.decorator';
import { PartyQueryDto } from './dto/party-query.dto';
import type { PartyView } from './party-network.responses';
import { PartyNetworkWriter } from './party-network-writer';
import { PartyNetworkService } from './party-network.service';

/**
 * The party network (`/api/parties`): a declarant, importer, seller or courier with its
 * propagated seizure risk as of a date, its neighbourhood and why it scores so. For CBTC
 * analysts, supervisors and auditors; officers work cases, not networks (403).
 */
@ApiTags('parties')
@Controller('parties')
export class PartyNetworkController {
  constructor(
    private readonly parties: PartyNetworkService,
    private readonly writer: PartyNetworkWriter,
  ) {}

  @Get(':partyKey')
  @Roles('cbtc_analyst', 'supervisor', 'auditor')
  @ApiOperation({ summary: 'A party of the party network as of a date (default today): propagated seizure risk, neighbourhood up to 2 hops, seized parties near it and why it scores so' })
  @ApiResponse({ status: 400, description: 'Malformed party key or as-of date' })
  @ApiResponse({ status: 404, description: 'The party is on no screened declaration or recorded inspection outcome' })
  @Responds(200, 'PartyView', 'The party as of the date; only declarations dated, and seizures known, strictly before it count')
  async get(@Param('partyKey', PartyKeyPipe) partyKey: string, @Query() query: PartyQueryDto): Promise<PartyView> {
    // what this instance has screened is in the network before it is read
    await this.writer.flush().catch(() => undefined);
    return this.parties.party(partyKey, query.asOf);
  }
}
