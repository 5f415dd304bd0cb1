import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { REFERENCE_LIST_NAMES, type ReferenceListName } from '@customs/domain';
import { Roles } from '../../services/auth/auth.decorators';
import { Responds } from '../../services/http/responds.decorator';
import { ReferenceListQueryDto } from './reference-list-query.dto';
import { ReferenceListPipe } from './reference-list.pipe';
import type { ReferenceList } from './reference.responses';
import { ReferenceService } from './reference.service';

/**
 * The reference lists (`/api/reference/{list}`): customs offices, KCS codes, countries and HS
 * codes, versioned. A declaration whose code is not in them is screened with a data-quality
 * finding, never refused for that alone. Every signed-in role may read them.
 */
@ApiTags('reference')
@Controller('reference')
export class ReferenceController {
  constructor(private readonly reference: ReferenceService) {}

  @Get(':list')
  @Roles('cbtc_analyst', 'local_officer', 'supervisor', 'auditor', 'passenger_desk', 'service')
  @ApiOperation({ summary: 'One version of a reference list (the newest by default) with its codes and labels' })
  // Stated explicitly: without it the document lacked the path parameter (schemathesis: "Path parameter 'list' is not defined").
  @ApiParam({ name: 'list', enum: REFERENCE_LIST_NAMES, description: 'reference list name' })
  @ApiResponse({ status: 400, description: 'Unknown list name or malformed version' })
  @ApiResponse({ status: 404, description: 'The list has no such version' })
  @Responds(200, 'ReferenceList', 'The version of the list, its codes and where they came from')
  list(@Param('list', ReferenceListPipe) list: ReferenceListName, @Query() query: ReferenceListQueryDto): Promise<ReferenceList> {
    return this.reference.list(list, query.version);
  }
}
