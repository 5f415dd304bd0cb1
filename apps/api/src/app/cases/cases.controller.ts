import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../../services/auth/auth-user';
import { CurrentUser, Roles } from '../../services/auth/auth.decorators';
import { Idempotent } from '../../services/idempotency/idempotency.interceptor';
import { CaseIdPipe, OfficeIdPipe } from '../../services/http/id-params.pipe';
import { Responds } from '../../services/http/responds.decorator';
import { CasesService, type CaseDetail, type CaseList } from './cases.service';
import type { InspectionCaseState } from '@customs/workflows/messages';
import type { BulkAssignment, OfficeOfficers } from './cases.responses';
import { AssignCaseDto } from './dto/assign-case.dto';
import { BulkAssignDto } from './dto/bulk-assign.dto';
import { CloseCaseDto } from './dto/close-case.dto';
import { ListCasesDto } from './dto/list-cases.dto';
import { RecordResultDto } from './dto/record-result.dto';

/**
 * Inspection-case queues and actions (`/api/cases`). Officers and supervisors see and act
 * on their own office only; analysts and auditors read every office; auditors change nothing.
 * The acting user of every action is the caller (the token's user), recorded in the history.
 */
@ApiTags('cases')
@Controller('cases')
export class CasesController {
  constructor(private readonly cases: CasesService) {}

  @Get()
  @Roles('local_officer', 'supervisor', 'cbtc_analyst', 'auditor')
  @ApiOperation({ summary: 'Case queue, riskiest first; filter by office, status, lane, assignee (officers and supervisors: their office, the default)' })
  @ApiResponse({ status: 403, description: 'An officer or supervisor asking for another office' })
  @Responds(200, 'CaseList', 'One page of the queue and the number of matching cases')
  list(@Query() query: ListCasesDto, @CurrentUser() user: AuthUser): Promise<CaseList> {
    return this.cases.list(query, user);
  }

  @Post('assign')
  @Idempotent()
  @HttpCode(200)
  @Roles('supervisor')
  @ApiOperation({ summary: 'Assign several cases of the office to one officer (a supervisor); each case is assigned or refused on its own, as POST /api/cases/:id/assign would' })
  @Responds(200, 'BulkAssignment', 'Every named case, in the order given: assigned, or refused with the status and reason')
  assignMany(@Body() body: BulkAssignDto, @CurrentUser() user: AuthUser): Promise<BulkAssignment> {
    return this.cases.assignMany(body, user);
  }

  @Get(':id')
  @Roles('local_officer', 'supervisor', 'cbtc_analyst', 'auditor')
  @ApiOperation({ summary: 'One case with its history (who did what, when)' })
  @ApiResponse({ status: 403, description: 'An officer or supervisor asking for a case of another office' })
  @ApiResponse({ status: 404, description: 'Unknown case' })
  @Responds(200, 'CaseDetail', 'The case and its history, oldest event first')
  get(@Param('id', CaseIdPipe) id: string, @CurrentUser() user: AuthUser): Promise<CaseDetail> {
    return this.cases.get(id, user);
  }

  @Post(':id/assign')
  @Idempotent()
  @HttpCode(200)
  @Roles('local_officer', 'supervisor')
  @ApiOperation({ summary: 'Assign or reassign the case (QUEUED or ASSIGNED): an officer to themself, a supervisor to any officer of the office' })
  @ApiResponse({ status: 403, description: 'Another office, or an officer assigning someone else' })
  @ApiResponse({ status: 409, description: 'The case is in a state that cannot be assigned' })
  @ApiResponse({ status: 422, description: 'The assignee is not a local officer of the case\u2019s office' })
  @Responds(200, 'InspectionCaseState', 'The case as the workflow holds it after the assignment')
  assign(@Param('id', CaseIdPipe) id: string, @Body() body: AssignCaseDto, @CurrentUser() user: AuthUser): Promise<InspectionCaseState> {
    return this.cases.assign(id, body, user);
  }

  @Post(':id/result')
  @Idempotent()
  @HttpCode(200)
  @Roles('local_officer', 'supervisor')
  @ApiResponse({ status: 403, description: 'Not the assigned officer nor a supervisor of the office' })
  @ApiOperation({ summary: 'Record the inspection result with a verdict per fired criterion (ASSIGNED, once)' })
  @ApiResponse({ status: 409, description: 'Not assigned yet, or a result is already recorded' })
  @ApiResponse({ status: 422, description: 'Verdicts do not match the fired criteria, or findings missing' })
  @Responds(200, 'InspectionCaseState', 'The case as the workflow holds it with the result')
  recordResult(@Param('id', CaseIdPipe) id: string, @Body() body: RecordResultDto, @CurrentUser() user: AuthUser): Promise<InspectionCaseState> {
    return this.cases.recordResult(id, body, user);
  }

  @Post(':id/close')
  @Idempotent()
  @HttpCode(200)
  @Roles('local_officer', 'supervisor')
  @ApiOperation({ summary: 'Close the case (RESULT_RECORDED); body `{}`' })
  @ApiResponse({ status: 403, description: 'Not the assigned officer nor a supervisor of the office' })
  @ApiResponse({ status: 409, description: 'No result recorded yet, or already closed' })
  @Responds(200, 'InspectionCaseState', 'The closed case')
  close(@Param('id', CaseIdPipe) id: string, @Body() _body: CloseCaseDto, @CurrentUser() user: AuthUser): Promise<InspectionCaseState> {
    return this.cases.close(id, user);
  }
}

/** The officers of an office, for assigning its cases (`/api/offices/:officeId/officers`). */
@ApiTags('cases')
@Controller('offices')
export class OfficersController {
  constructor(private readonly cases: CasesService) {}

  @Get(':officeId/officers')
  @Roles('supervisor', 'local_officer', 'cbtc_analyst', 'auditor')
  @ApiOperation({ summary: 'The local officers of an office (the identity provider\u2019s directory, or with an external one the officers its cases were assigned to)' })
  @ApiResponse({ status: 403, description: 'An officer or supervisor asking for another office' })
  @Responds(200, 'OfficeOfficers', 'The officers, by id')
  officers(@Param('officeId', OfficeIdPipe) officeId: string, @CurrentUser() user: AuthUser): Promise<OfficeOfficers> {
    return this.cases.officers(officeId, user);
  }
}
