import { CorrelatedAlertView, IncidentAlertsView } from '@itsm/contracts/operation';
import { recordId } from '@itsm/service-runtime';
import { Controller, Get, Param } from '@nestjs/common';
import { AlertCorrelationRepository } from '../persistence/alert-correlation.repository';

/** The alerts correlated to an incident (none for an incident no alert raised), called by the gateway. */
@Controller('v1/incidents')
export class IncidentAlertsQueryController {
  constructor(private readonly correlations: AlertCorrelationRepository) {}

  @Get(':id/alerts')
  async alerts(@Param('id') id: string): Promise<IncidentAlertsView> {
    const correlations = await this.correlations.ofIncident(recordId(id, 'incident'));
    const alerts = correlations.flatMap((correlation) => correlation.alerts);
    return {
      incidentId: id,
      firing: alerts.filter((alert) => alert.status === 'firing').length,
      flapping: correlations.some((correlation) => correlation.flapping),
      alerts: alerts.map(
        (alert): CorrelatedAlertView => ({
          dedupKey: alert.dedupKey,
          fingerprint: alert.fingerprint,
          name: alert.name,
          ...(alert.severity ? { severity: alert.severity } : {}),
          status: alert.status,
          startsAt: alert.startsAt.toISOString(),
          firedAt: alert.firedAt.toISOString(),
          ...(alert.resolvedAt ? { resolvedAt: alert.resolvedAt.toISOString() } : {}),
        }),
      ),
    };
  }
}
