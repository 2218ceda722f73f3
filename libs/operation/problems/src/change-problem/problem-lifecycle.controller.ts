import { ExpectedVersionRequest } from '@itsm/contracts';
import { ApplyProblemFixRequest, CancelProblemRequest, ProblemIncidentLinkRequest, ProblemView, RecordRootCauseRequest, ReviseProblemRequest } from '@itsm/contracts/operation';
import { ProblemCommand } from '@itsm/operation/problem-domain';
import { Origin, RequestOrigin, recordId } from '@itsm/service-runtime';
import { Body, Controller, HttpCode, Param, Post, Put } from '@nestjs/common';
import { toProblemView } from '../problem-query/problem-view.mapper';
import { ChangeProblem } from './change-problem.use-case';

/** Operation's problem lifecycle commands, called by the gateway; each answers the problem at its new version. */
@Controller('v1/problems/:id')
export class ProblemLifecycleController {
  constructor(private readonly changeProblem: ChangeProblem) {}

  @Put()
  revise(@Param('id') id: string, @Body() { expectedVersion, ...details }: ReviseProblemRequest, @Origin() origin: RequestOrigin) {
    return this.change(id, expectedVersion, { kind: 'revise', details }, origin);
  }

  @Post('investigation')
  @HttpCode(200)
  investigate(@Param('id') id: string, @Body() { expectedVersion }: ExpectedVersionRequest, @Origin() origin: RequestOrigin) {
    return this.change(id, expectedVersion, { kind: 'investigate' }, origin);
  }

  @Post('root-cause')
  @HttpCode(200)
  recordRootCause(@Param('id') id: string, @Body() { expectedVersion, ...analysis }: RecordRootCauseRequest, @Origin() origin: RequestOrigin) {
    return this.change(id, expectedVersion, { kind: 'record-root-cause', ...analysis }, origin);
  }

  @Post('fix')
  @HttpCode(200)
  applyFix(@Param('id') id: string, @Body() { expectedVersion, fixNotes }: ApplyProblemFixRequest, @Origin() origin: RequestOrigin) {
    return this.change(id, expectedVersion, { kind: 'apply-fix', notes: fixNotes }, origin);
  }

  @Post('close')
  @HttpCode(200)
  close(@Param('id') id: string, @Body() { expectedVersion }: ExpectedVersionRequest, @Origin() origin: RequestOrigin) {
    return this.change(id, expectedVersion, { kind: 'close' }, origin);
  }

  @Post('cancellation')
  @HttpCode(200)
  cancel(@Param('id') id: string, @Body() { expectedVersion, reason }: CancelProblemRequest, @Origin() origin: RequestOrigin) {
    return this.change(id, expectedVersion, { kind: 'cancel', reason }, origin);
  }

  @Post('incident-links')
  @HttpCode(200)
  link(@Param('id') id: string, @Body() { expectedVersion, incidentId }: ProblemIncidentLinkRequest, @Origin() origin: RequestOrigin) {
    return this.change(id, expectedVersion, { kind: 'link-incident', incidentId }, origin);
  }

  @Post('incident-unlinks')
  @HttpCode(200)
  unlink(@Param('id') id: string, @Body() { expectedVersion, incidentId }: ProblemIncidentLinkRequest, @Origin() origin: RequestOrigin) {
    return this.change(id, expectedVersion, { kind: 'unlink-incident', incidentId }, origin);
  }

  private async change(id: string, expectedVersion: number | undefined, command: ProblemCommand, origin: RequestOrigin): Promise<ProblemView> {
    return toProblemView(await this.changeProblem.execute(recordId(id, 'problem'), expectedVersion, command, origin));
  }
}
