import { NotFoundError } from '@itsm/contracts';
import { DefineReportingLineRequest, ReportingLineQuery, ReportingLineView } from '@itsm/contracts/operation';
import { toVersionedView } from '@itsm/persistence';
import { Origin, RequestOrigin } from '@itsm/service-runtime';
import { Body, Controller, Get, Put, Query } from '@nestjs/common';
import { ReportingLineRepository, StoredReportingLine } from '../persistence/reporting-line.repository';
import { DefineReportingLine } from './define-reporting-line.use-case';

/** Operation's reporting lines (who each user reports to), called by the gateway. */
@Controller('v1/reporting-lines')
export class ReportingLinesController {
  constructor(
    private readonly defineLine: DefineReportingLine,
    private readonly lines: ReportingLineRepository,
  ) {}

  @Put()
  async define(@Body() body: DefineReportingLineRequest, @Origin() origin: RequestOrigin): Promise<ReportingLineView> {
    return reportingLineView(await this.defineLine.execute(body, origin));
  }

  @Get()
  async get(@Query() { userId }: ReportingLineQuery): Promise<ReportingLineView> {
    const line = await this.lines.findById(userId);
    if (!line) throw new NotFoundError('reporting line', userId, `${userId} has no reporting line`);
    return reportingLineView(line);
  }
}

function reportingLineView(line: StoredReportingLine): ReportingLineView {
  const { id, ...view } = toVersionedView(line);
  return { ...view, userId: id };
}
