import { CloudEvent } from '@itsm/contracts';
import {
  KNOWN_ERROR_WORKAROUND_PUBLISHED_V1,
  KnownErrorWorkaroundPublishedV1,
  PROBLEM_INCIDENT_LINKED_V1,
  PROBLEM_INCIDENT_UNLINKED_V1,
  PROBLEM_RESOLVED_V1,
  ProblemIncidentLinkV1,
  ProblemResolvedV1,
} from '@itsm/contracts/operation';
import { AmqpListener } from '@itsm/messaging';
import { EventPattern, Payload } from '@nestjs/microservices';
import { ProblemIncidentEffects } from './problem-incident-effects.use-case';

/** Operation's own problem events its event queue follows (`itsm.operation.events`), to change the linked incidents. */
export const PROBLEM_EFFECT_EVENT_TYPES = [PROBLEM_INCIDENT_LINKED_V1.type, PROBLEM_INCIDENT_UNLINKED_V1.type, PROBLEM_RESOLVED_V1.type, KNOWN_ERROR_WORKAROUND_PUBLISHED_V1.type];

@AmqpListener()
export class ProblemEffectsListener {
  constructor(private readonly effects: ProblemIncidentEffects) {}

  @EventPattern(PROBLEM_INCIDENT_LINKED_V1.type)
  async incidentLinked(@Payload() event: CloudEvent<ProblemIncidentLinkV1>): Promise<void> {
    await this.effects.incidentLinked(event);
  }

  @EventPattern(PROBLEM_INCIDENT_UNLINKED_V1.type)
  async incidentUnlinked(@Payload() event: CloudEvent<ProblemIncidentLinkV1>): Promise<void> {
    await this.effects.incidentUnlinked(event);
  }

  @EventPattern(KNOWN_ERROR_WORKAROUND_PUBLISHED_V1.type)
  async workaroundPublished(@Payload() event: CloudEvent<KnownErrorWorkaroundPublishedV1>): Promise<void> {
    await this.effects.workaroundPublished(event);
  }

  @EventPattern(PROBLEM_RESOLVED_V1.type)
  async problemResolved(@Payload() event: CloudEvent<ProblemResolvedV1>): Promise<void> {
    await this.effects.problemResolved(event);
  }
}
