import { Page } from '@itsm/contracts';
import { AlertSourceRegisteredView, AlertSourceView, ListAlertSourcesQuery, RegisterAlertSourceRequest } from '@itsm/contracts/operation';
import { ForwardedOrigin, RequirePolicy } from '@itsm/gateway/auth';
import { ApiPageResponse, ApiProblemResponses, ApiViewResponse, OriginHeaders, ServiceHttpClient } from '@itsm/service-runtime';
import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { OPERATION_ALERTS_CLIENT } from '../operation-client';

const ALERT_SOURCES_PATH = 'api/v1/alert-sources';

/** Alert sources: systems that send alerts, each with a credential of its own that reaches the alert intake routes only. */
@ApiTags('alerts')
@ApiBearerAuth()
@ApiProblemResponses(401, 403, 429)
@Controller(ALERT_SOURCES_PATH)
export class AlertSourcesController {
  constructor(@Inject(OPERATION_ALERTS_CLIENT) private readonly operation: ServiceHttpClient) {}

  @Post()
  @RequirePolicy('alert-sources.manage')
  @ApiOperation({
    summary: 'Register an alert source and get its credential',
    description:
      'Answers the credential (`itsmas.<id>.<secret>`) this once: only its SHA-256 is stored. The source sends it as `Authorization: Bearer <credential>` to the alert intake routes, and it reaches no other route (403). ' +
      'Emits itsm.operation.alert-source.registered.v1 (without the credential).',
  })
  @ApiViewResponse(201, AlertSourceRegisteredView)
  @ApiProblemResponses(502, 503)
  async register(@Body() body: RegisterAlertSourceRequest, @ForwardedOrigin() origin: OriginHeaders, @Res({ passthrough: true }) reply: FastifyReply): Promise<AlertSourceRegisteredView> {
    const source = await this.operation.send<AlertSourceRegisteredView>('POST', '/v1/alert-sources', body, origin);
    void reply.header('location', `/${ALERT_SOURCES_PATH}/${source.id}`).header('cache-control', 'no-store');
    return source;
  }

  @Post(':id/revocation')
  @HttpCode(200)
  @RequirePolicy('alert-sources.manage')
  @ApiOperation({
    summary: 'Revoke an alert source',
    description: 'Its credential is refused (401) from then on, within 10 s at most (the gateway reuses a source\'s check data that long). 409 when already revoked. Emits itsm.operation.alert-source.revoked.v1.',
  })
  @ApiViewResponse(200, AlertSourceView)
  @ApiProblemResponses(409, 502, 503)
  revoke(@Param('id') id: string, @ForwardedOrigin() origin: OriginHeaders): Promise<AlertSourceView> {
    return this.operation.send<AlertSourceView>('POST', `/v1/alert-sources/${encodeURIComponent(id)}/revocation`, {}, origin);
  }

  @Get(':id')
  @RequirePolicy('alert-sources.manage')
  @ApiOperation({ summary: 'Read an alert source (never its credential)' })
  @ApiViewResponse(200, AlertSourceView)
  @ApiProblemResponses(502, 503)
  get(@Param('id') id: string, @ForwardedOrigin() origin: OriginHeaders): Promise<AlertSourceView> {
    return this.operation.get<AlertSourceView>(`/v1/alert-sources/${encodeURIComponent(id)}`, origin);
  }

  @Get()
  @RequirePolicy('alert-sources.manage')
  @ApiOperation({ summary: 'List alert sources by name, one page at a time', description: 'Revoked sources included (`active: false`).' })
  @ApiPageResponse(AlertSourceView)
  @ApiProblemResponses(502, 503)
  list(@Query() query: ListAlertSourcesQuery, @ForwardedOrigin() origin: OriginHeaders): Promise<Page<AlertSourceView>> {
    return this.operation.get<Page<AlertSourceView>>('/v1/alert-sources', origin, query);
  }
}
