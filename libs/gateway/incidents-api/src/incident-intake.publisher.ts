import { Principal, createCloudEvent, uuidV7 } from '@itsm/contracts';
import { REGISTER_INCIDENT_V1, RegisterIncidentV1 } from '@itsm/contracts/operation';
import { MessagePublisher, submitCommand } from '@itsm/messaging';
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
    // The intake queue full (503 with Retry-After) or the broker out of reach (503): nothing was accepted.
    await submitCommand(this.publisher, message, 'incident intake', this.logger);
    return incidentId;
  }
}
