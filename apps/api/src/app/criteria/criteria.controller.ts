import { Controller, Get, NotFoundException, Param } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CriterionIdPipe } from '../../services/http/id-params.pipe';
import { CriteriaService } from './criteria.service';

/** Read access to selectivity criteria (`/api/criteria`). */
@ApiTags('criteria')
@Controller('criteria')
export class CriteriaController {
  constructor(private readonly criteria: CriteriaService) {}

  @Get()
  @ApiOperation({ summary: 'The newest version of every selectivity criterion' })
  async list() {
    return { criteria: await this.criteria.listLatest() };
  }

  @Get(':id')
  @ApiOperation({ summary: 'Every version of one criterion, newest first' })
  async get(@Param('id', CriterionIdPipe) id: string) {
    const versions = await this.criteria.versions(id);
    if (versions.length === 0) throw new NotFoundException(`criterion ${id} is unknown`);
    return { id, versions };
  }
}
