import { createCloudEvent, DependencyUnavailableError, ITSM_COMMANDS_EXCHANGE, Principal, uuidV7 } from '@itsm/contracts';
import { REGISTER_INCIDENT_V1, RegisterIncidentV1 } from '@itsm/contracts/operation';
import { BrokerUnavailableError, MessagePublisher, PublishRefusedError, UnroutableMessageError } from '@itsm/messaging';
import { Injectable, Logger } from '@nestjs/common';
import { ReportIncidentRequest } from './report-incident.request';

/** Sends an accepted report to the operation intake queue; resolves once the broker confirmed it. */
@Injectable()
export class IncidentIntakePublisher {
  private readonly logger = new Logger(IncidentIntakePublisher.name);

  constructor(private readonly publisher: MessagePublisher) {}

  async submit(report: ReportIncidentRequest, reporter: Principal, correlationId: string): Promise<string> {
    const now = new Date();
    const incidentId = uuidV7(now.getTime());
    const command: RegisterIncidentV1 = { ...report, incidentId, callerId: reporter.userId, actor: reporter, reportedAt: now.toISOString() };
    const message = createCloudEvent(REGISTER_INCIDENT_V1, incidentId, command, { service: 'gateway', correlationId, actorId: reporter.userId }, now);
    try {
      await this.publisher.publish(message, { exchange: ITSM_COMMANDS_EXCHANGE, mandatory: true });
    } catch (error) {
      // The intake queue is full (overload): 503 with Retry-After like any DependencyUnavailableError, counted
      // by itsm_messages_refused_total; not an outage, so not logged as an error once per refused report.
      if (error instanceof PublishRefusedError) throw error;
      if (!(error instanceof BrokerUnavailableError || error instanceof UnroutableMessageError)) throw error;
      // Nothing was accepted: the client may safely retry the same report.
      this.logger.error(`intake unavailable: ${error.message}`);
      throw new DependencyUnavailableError('incident intake is temporarily unavailable; retry shortly');
    }
    return incidentId;
  }
}
