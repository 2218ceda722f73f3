import { UUID_PATTERN, createCloudEvent } from '@itsm/contracts';
import { INCIDENT_LIMITS, INCIDENT_REJECTED_V1, INTAKE_REJECTION_REASON_MAX_LENGTH } from '@itsm/contracts/operation';
import { ParkedMessage } from '@itsm/messaging';
import { intakeRejections } from '@itsm/metrics';
import { Injectable, Logger } from '@nestjs/common';
import { IntakeRejectionWriteRepository } from '../persistence/intake-rejection-write.repository';

export type RecordIntakeRejectionOutcome = 'recorded' | 'already-recorded' | 'unattributable';

/** Longest correlation, causation or actor id an event envelope takes (CloudEventEnvelopeDto). */
const ENVELOPE_ID_MAX_LENGTH = 200;

/**
 * Intake: an incident report the gateway accepted and intake then parked (it failed its contract, a rule
 * or the store refused it, or it failed on every delivery) becomes visible: a rejection stored under the
 * incident id the 202 returned, so its GET answers 410 with the reason, and an
 * `itsm.operation.incident.rejected.v1` event in the same write; `itsm_intake_rejections_total` counts it.
 * The parked message is not trusted: the report's fields are taken only where they have the right shape.
 */
@Injectable()
export class RecordIntakeRejection {
  private readonly logger = new Logger(RecordIntakeRejection.name);

  constructor(private readonly rejections: IntakeRejectionWriteRepository) {}

  async execute(parked: ParkedMessage): Promise<RecordIntakeRejectionOutcome> {
    const data = objectOf(objectOf(parked.body)['data']);
    const incidentId = [parked.subject, data['incidentId']].find((id): id is string => typeof id === 'string' && UUID_PATTERN.test(id));
    if (!incidentId) {
      this.logger.error(`a parked incident report (message ${parked.messageId ?? 'without id'}, correlation ${parked.correlationId ?? 'none'}) names no incident id: no rejection can be recorded`);
      return 'unattributable';
    }
    const rejectedAt = new Date();
    const callerId = bounded(data['callerId'], INCIDENT_LIMITS.referenceMaxLength);
    const reason = parked.detail.slice(0, INTAKE_REJECTION_REASON_MAX_LENGTH);
    const correlationId = bounded(parked.correlationId, ENVELOPE_ID_MAX_LENGTH);
    const commandId = bounded(parked.messageId, ENVELOPE_ID_MAX_LENGTH);
    const rejected = createCloudEvent(
      INCIDENT_REJECTED_V1,
      incidentId,
      { incidentId, ...(callerId === undefined ? {} : { callerId }), cause: parked.cause, reason, rejectedAt: rejectedAt.toISOString() },
      { service: 'operation', correlationId, causationId: commandId, actorId: bounded(parked.actorId, ENVELOPE_ID_MAX_LENGTH) },
      rejectedAt,
    );
    const written = await this.rejections.insertNew(
      {
        _id: incidentId,
        ...(callerId === undefined ? {} : { callerId }),
        cause: parked.cause,
        reason,
        ...(commandId === undefined ? {} : { commandId }),
        ...(correlationId === undefined ? {} : { correlationId }),
        rejectedAt,
      },
      [rejected],
    );
    if (!written) return 'already-recorded';
    intakeRejections.inc({ cause: parked.cause });
    return 'recorded';
  }
}

function objectOf(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** A non-blank string of at most `maxLength` characters, else undefined. */
function bounded(value: unknown, maxLength: number): string | undefined {
  return typeof value === 'string' && value.trim().length > 0 && value.length <= maxLength ? value : undefined;
}
