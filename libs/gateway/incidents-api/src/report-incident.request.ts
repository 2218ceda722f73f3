import { RegisterIncidentV1 } from '@itsm/contracts/operation';
import { OmitType } from '@nestjs/swagger';

/**
 * Body of POST /api/v1/incidents: the RegisterIncident command minus what the
 * gateway assigns (id, caller and actor from the token, time). Validation rules are inherited from the contract,
 * so the edge and the consumer can never disagree.
 */
export class ReportIncidentRequest extends OmitType(RegisterIncidentV1, ['incidentId', 'callerId', 'actor', 'reportedAt'] as const) {}
