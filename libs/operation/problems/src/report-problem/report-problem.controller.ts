import { ProblemView, ReportProblemRequest } from '@itsm/contracts/operation';
import { Origin, RequestOrigin } from '@itsm/service-runtime';
import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { toProblemView } from '../problem-query/problem-view.mapper';
import { ReportProblem } from './report-problem.use-case';

/** Operation's problem intake over HTTP, called by the gateway. */
@Controller('v1/problems')
export class ReportProblemController {
  constructor(private readonly reportProblem: ReportProblem) {}

  @Post()
  @HttpCode(201)
  async report(@Body() report: ReportProblemRequest, @Origin() origin: RequestOrigin): Promise<ProblemView> {
    return toProblemView(await this.reportProblem.execute(report, origin));
  }
}
