import { AlertmanagerWebhookRequest, AlertsAcceptedView, ReportAlertRequest } from '@itsm/contracts/operation';
import { Authorization, CurrentAuthorization, RequirePolicy } from '@itsm/gateway/auth';
import { ApiProblemResponses, ApiViewResponse, correlationIdFrom } from '@itsm/service-runtime';
import { Body, Controller, Headers, HttpCode, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { AlertIntakePublisher } from './alert-intake.publisher';
import { alertsOfAlertmanager } from './alertmanager.mapper';

const INTAKE =
  'Queued for alert intake once the broker confirmed it (202; 503 with Retry-After when the queue is past its bound or the broker is out of reach, and nothing was accepted). ' +
  'Intake deduplicates by fingerprint and `startsAt`, correlates firing alerts of one service (else configuration item) and alert group within the correlation window into one incident, ' +
  'creates the incident when the first matching alert rule says so (impact and urgency from the rule), adds a work note for each resolved alert, and resolves the incident only once every correlated alert resolved and the rule allows it; ' +
  'a group that fires again soon after recovering (flapping) reopens its incident once, which then stays for people to resolve. ' +
  'Only an alert source\'s own credential (`Authorization: Bearer itsmas.<id>.<secret>`, from `POST /api/v1/alert-sources`) is accepted; it reaches no other route. ' +
  'Emits itsm.operation.alert.correlated.v1 and .resolved.v1 (and the incident\'s own events).';

/** Alert intake: Alertmanager's webhook and the generic alert, answered 202 once queued. */
@ApiTags('alerts')
@ApiBearerAuth()
@ApiProblemResponses(401, 403, 429)
@Controller('api/v1/alerts')
export class AlertIntakeController {
  constructor(private readonly intake: AlertIntakePublisher) {}

  @Post('alertmanager')
  @HttpCode(202)
  @RequirePolicy('alerts.ingest')
  @ApiOperation({
    summary: 'Take in a Prometheus Alertmanager webhook (payload version 4)',
    description: `Point a \`webhook_configs\` receiver here (see docs/WALKTHROUGH.md). Labels: \`alertname\` names the alert, \`severity\`, \`service\` (a catalogue service id) and \`configuration_item\` say what it is about; the group key is the alert group. ${INTAKE}`,
  })
  @ApiViewResponse(202, AlertsAcceptedView, 'Queued for alert intake')
  @ApiProblemResponses(503)
  async alertmanager(
    @Body() body: AlertmanagerWebhookRequest,
    @CurrentAuthorization() authorization: Authorization,
    @Headers('x-correlation-id') correlationHeader: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AlertsAcceptedView> {
    return this.accept(alertsOfAlertmanager(body), authorization, correlationHeader, reply);
  }

  @Post()
  @HttpCode(202)
  @RequirePolicy('alerts.ingest')
  @ApiOperation({ summary: 'Take in one alert in the generic format', description: `For sources other than Alertmanager; the fields are documented in the schema. ${INTAKE}` })
  @ApiViewResponse(202, AlertsAcceptedView, 'Queued for alert intake')
  @ApiProblemResponses(503)
  async report(
    @Body() body: ReportAlertRequest,
    @CurrentAuthorization() authorization: Authorization,
    @Headers('x-correlation-id') correlationHeader: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AlertsAcceptedView> {
    return this.accept([body], authorization, correlationHeader, reply);
  }

  private async accept(alerts: ReportAlertRequest[], { principal }: Authorization, correlationHeader: string | undefined, reply: FastifyReply): Promise<AlertsAcceptedView> {
    const correlationId = correlationIdFrom(correlationHeader);
    void reply.header('x-correlation-id', correlationId);
    const batchId = await this.intake.submit(alerts, principal, correlationId);
    return { batchId, status: 'accepted', alerts: alerts.length };
  }
}
