import { CloudEvent, CloudEventOrigin, createCloudEvent } from '@itsm/contracts';
import { SLA_DEFINED_V1, SlaDefinedV1 } from '@itsm/contracts/design';
import { VersionedState } from '@itsm/persistence';
import { ServiceLevelFields } from '../persistence/service-level.repository';

/** `itsm.design.sla.defined.v1` for a version of a service level, timed when that version was written. */
export function slaDefinedEvent(state: VersionedState<ServiceLevelFields>, origin: Omit<CloudEventOrigin, 'service'>): CloudEvent<SlaDefinedV1> {
  return createCloudEvent(SLA_DEFINED_V1, state.id, { slaId: state.id, version: state.version, ...state.fields }, { ...origin, service: 'design' }, state.at);
}
