import { DefineReportingLineRequest, ReportingLineQuery, ReportingLineView } from '@itsm/contracts/operation';
import { ForwardedOrigin, RequirePolicy } from '@itsm/gateway/auth';
import { ApiProblemResponses, ApiViewResponse, OriginHeaders, ServiceHttpClient } from '@itsm/service-runtime';
import { Body, Controller, Get, Inject, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { REQUESTS_OPERATION_CLIENT } from './operation-client';

/** Reporting lines: who each user reports to, the approver of `manager` steps of their requests. */
@ApiTags('requests')
@ApiBearerAuth()
@ApiProblemResponses(401, 403, 429)
@Controller('api/v1/reporting-lines')
export class ReportingLinesController {
  constructor(@Inject(REQUESTS_OPERATION_CLIENT) private readonly operation: ServiceHttpClient) {}

  @Put()
  @RequirePolicy('reporting-lines.manage')
  @ApiOperation({
    summary: "Set who a user reports to",
    description:
      "The user's manager approves the `manager` steps of the requests they raise from now on (a pending approval keeps the approver it was submitted with). " +
      'Without `expectedVersion` it is set for the first time (409 when the user has one); with it, revised if still current (404 when the user has none yet). Emits itsm.operation.reporting-line.defined.v1.',
  })
  @ApiViewResponse(200, ReportingLineView)
  @ApiProblemResponses(404, 409, 502, 503)
  define(@Body() body: DefineReportingLineRequest, @ForwardedOrigin() origin: OriginHeaders): Promise<ReportingLineView> {
    return this.operation.send<ReportingLineView>('PUT', '/v1/reporting-lines', body, origin);
  }

  @Get()
  @RequirePolicy('reporting-lines.read')
  @ApiOperation({ summary: "Read who a user reports to", description: '404 when the user has no reporting line.' })
  @ApiViewResponse(200, ReportingLineView)
  @ApiProblemResponses(404, 502, 503)
  get(@Query() query: ReportingLineQuery, @ForwardedOrigin() origin: OriginHeaders): Promise<ReportingLineView> {
    return this.operation.get<ReportingLineView>('/v1/reporting-lines', origin, query);
  }
}
