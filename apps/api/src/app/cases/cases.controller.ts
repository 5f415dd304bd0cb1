import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CaseIdPipe } from '../../services/http/id-params.pipe';
import { CasesService } from './cases.service';
import { AssignCaseDto } from './dto/assign-case.dto';
import { CloseCaseDto } from './dto/close-case.dto';
import { ListCasesDto } from './dto/list-cases.dto';
import { RecordResultDto } from './dto/record-result.dto';

/** Inspection-case queues and actions (`/api/cases`). */
@ApiTags('cases')
@Controller('cases')
export class CasesController {
  constructor(private readonly cases: CasesService) {}

  @Get()
  @ApiOperation({ summary: 'Case queue, riskiest first; filter by office, status, lane, assignee' })
  list(@Query() query: ListCasesDto) {
    return this.cases.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One case with its history' })
  @ApiResponse({ status: 404, description: 'Unknown case' })
  get(@Param('id', CaseIdPipe) id: string) {
    return this.cases.get(id);
  }

  @Post(':id/assign')
  @HttpCode(200)
  @ApiOperation({ summary: 'Assign or reassign the case to an officer (QUEUED or ASSIGNED)' })
  @ApiResponse({ status: 409, description: 'The case is in a state that cannot be assigned' })
  assign(@Param('id', CaseIdPipe) id: string, @Body() body: AssignCaseDto) {
    return this.cases.assign(id, body);
  }

  @Post(':id/result')
  @HttpCode(200)
  @ApiOperation({ summary: 'Record the inspection result with a verdict per fired criterion (ASSIGNED, once)' })
  @ApiResponse({ status: 409, description: 'Not assigned yet, or a result is already recorded' })
  @ApiResponse({ status: 422, description: 'Verdicts do not match the fired criteria, or findings missing' })
  recordResult(@Param('id', CaseIdPipe) id: string, @Body() body: RecordResultDto) {
    return this.cases.recordResult(id, body);
  }

  @Post(':id/close')
  @HttpCode(200)
  @ApiOperation({ summary: 'Close the case (RESULT_RECORDED)' })
  @ApiResponse({ status: 409, description: 'No result recorded yet, or already closed' })
  close(@Param('id', CaseIdPipe) id: string, @Body() body: CloseCaseDto) {
    return this.cases.close(id, body);
  }
}
