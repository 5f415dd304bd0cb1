import { Controller, Get, NotFoundException, Param } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../../services/auth/auth-user';
import { CurrentUser, Roles } from '../../services/auth/auth.decorators';
import { assertSameOffice } from '../../services/auth/office-scope';
import { DeclarationIdPipe } from '../../services/http/id-params.pipe';
import { Responds } from '../../services/http/responds.decorator';
import { DecisionRecordsService, type SelectionTrace } from './decision-records.service';

/** `GET /api/declarations/:id/selection`: why a declaration got its lane. */
@ApiTags('declarations')
@Controller('declarations')
export class SelectionController {
  constructor(private readonly records: DecisionRecordsService) {}

  @Get(':id/selection')
  @Roles('auditor', 'cbtc_analyst', 'supervisor', 'local_officer')
  @ApiOperation({ summary: 'Why a declaration got its lane: the full decision record and a one-sentence summary (officers and supervisors: their office only)' })
  @ApiResponse({ status: 403, description: 'An officer or supervisor asking for a declaration of another office' })
  @ApiResponse({ status: 404, description: 'The declaration was never screened' })
  @Responds(200, 'SelectionTrace', 'The decision record with its plain-language trace and the model explanation')
  async selection(@Param('id', DeclarationIdPipe) id: string, @CurrentUser() user: AuthUser): Promise<SelectionTrace> {
    const record = await this.records.record(id);
    if (!record) throw new NotFoundException(`declaration ${id} has not been screened`);
    assertSameOffice(user, record.declaration.officeId, `declaration ${id}`);
    return this.records.trace(record);
  }
}
