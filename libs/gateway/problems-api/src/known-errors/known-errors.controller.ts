import { ExpectedVersionRequest, Page } from '@itsm/contracts';
import { DefineKnownErrorRequest, KnownErrorView, ReviseKnownErrorRequest, SearchKnownErrorsQuery } from '@itsm/contracts/operation';
import { ForwardedOrigin, RequirePolicy } from '@itsm/gateway/auth';
import { ApiPageResponse, ApiProblemResponses, ApiViewResponse, OriginHeaders, ServiceHttpClient } from '@itsm/service-runtime';
import { Body, Controller, Get, HttpCode, Inject, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { OPERATION_CLIENT } from '../operation-client';

const KNOWN_ERRORS_PATH = 'api/v1/known-errors';

/** Known errors: recorded by problem managers, searched by agents (words, service, configuration item), workarounds published to incidents. */
@ApiTags('known errors')
@ApiBearerAuth()
@ApiProblemResponses(401, 403, 429)
@Controller(KNOWN_ERRORS_PATH)
export class KnownErrorsController {
  constructor(@Inject(OPERATION_CLIENT) private readonly operation: ServiceHttpClient) {}

  @Post()
  @RequirePolicy('known-errors.manage')
  @ApiOperation({ summary: 'Record a known error of a problem', description: '400 naming `problemId` when there is no such problem. Emits itsm.operation.known-error.defined.v1.' })
  @ApiViewResponse(201, KnownErrorView)
  @ApiProblemResponses(502, 503)
  async define(@Body() body: DefineKnownErrorRequest, @ForwardedOrigin() origin: OriginHeaders, @Res({ passthrough: true }) reply: FastifyReply): Promise<KnownErrorView> {
    const knownError = await this.operation.send<KnownErrorView>('POST', '/v1/known-errors', body, origin);
    void reply.header('location', `/${KNOWN_ERRORS_PATH}/${knownError.id}`);
    return knownError;
  }

  @Put(':id')
  @RequirePolicy('known-errors.manage')
  @ApiOperation({
    summary: 'Revise a known error',
    description: 'The whole next version (fields left out are removed), written if `expectedVersion` is current (409 otherwise). A published workaround stays as published until published again. Emits itsm.operation.known-error.revised.v1.',
  })
  @ApiViewResponse(200, KnownErrorView)
  @ApiProblemResponses(409, 502, 503)
  revise(@Param('id') id: string, @Body() body: ReviseKnownErrorRequest, @ForwardedOrigin() origin: OriginHeaders): Promise<KnownErrorView> {
    return this.operation.send<KnownErrorView>('PUT', `/v1/known-errors/${encodeURIComponent(id)}`, body, origin);
  }

  @Post(':id/workaround-publication')
  @HttpCode(200)
  @RequirePolicy('known-errors.manage')
  @ApiOperation({
    summary: "Publish the known error's workaround to the problem's incidents",
    description:
      'Written if `expectedVersion` is current (409 otherwise); 400 naming `workaround` when it has none. Emits itsm.operation.known-error.revised.v1 and ' +
      "itsm.operation.known-error.workaround-published.v1; operation then puts the workaround as a work note on every open incident linked to the problem, and on incidents linked later.",
  })
  @ApiViewResponse(200, KnownErrorView)
  @ApiProblemResponses(409, 502, 503)
  publishWorkaround(@Param('id') id: string, @Body() body: ExpectedVersionRequest, @ForwardedOrigin() origin: OriginHeaders): Promise<KnownErrorView> {
    return this.operation.send<KnownErrorView>('POST', `/v1/known-errors/${encodeURIComponent(id)}/workaround-publication`, body, origin);
  }

  @Get(':id')
  @RequirePolicy('known-errors.read')
  @ApiOperation({ summary: 'Read a known error' })
  @ApiViewResponse(200, KnownErrorView)
  @ApiProblemResponses(502, 503)
  get(@Param('id') id: string, @ForwardedOrigin() origin: OriginHeaders): Promise<KnownErrorView> {
    return this.operation.get<KnownErrorView>(`/v1/known-errors/${encodeURIComponent(id)}`, origin);
  }

  @Get()
  @RequirePolicy('known-errors.read')
  @ApiOperation({
    summary: 'Search known errors, newest first',
    description: '`words`: every word must occur in the title, symptom, root cause, workaround or fix (case and accents ignored); `serviceId`, `configurationItemId`, `problemId`: equal. 400 naming `words` when they hold no searchable word.',
  })
  @ApiPageResponse(KnownErrorView)
  @ApiProblemResponses(502, 503)
  search(@Query() query: SearchKnownErrorsQuery, @ForwardedOrigin() origin: OriginHeaders): Promise<Page<KnownErrorView>> {
    return this.operation.get<Page<KnownErrorView>>('/v1/known-errors', origin, query);
  }
}
