import { CloudEvent } from '../cloud-event/cloud-event';
import { CloudEventEnvelopeDto } from '../cloud-event/cloud-event-envelope.dto';
import { findMessageDefinition } from './message-catalog';
import { MessageDefinition } from '../messages/message-definition';
import { validatePlain } from '../validation/validate-plain';
import { formatValidationIssues } from '../validation/validation-issues';

export type ParsedCloudEvent =
  | { ok: true; event: CloudEvent<object>; definition: MessageDefinition }
  | { ok: false; reason: string };

/**
 * Turns a received body into a typed event: JSON, then the envelope, then the
 * payload against the class registered for its type. Any failure comes back
 * as a reason fit for a dead-letter header.
 */
export function parseCloudEvent(body: Buffer | string): ParsedCloudEvent {
  let plain: unknown;
  try {
    plain = JSON.parse(body.toString());
  } catch {
    return { ok: false, reason: 'body is not valid JSON' };
  }
  const envelope = validatePlain(CloudEventEnvelopeDto, plain, { forbidUnknown: false });
  if (!envelope.ok) {
    return { ok: false, reason: `invalid CloudEvents envelope: ${formatValidationIssues(envelope.issues)}` };
  }
  const definition = findMessageDefinition(envelope.value.type);
  if (!definition) {
    return { ok: false, reason: `unknown message type ${envelope.value.type}` };
  }
  const payload = validatePlain(definition.payload, envelope.value.data, { forbidUnknown: false });
  if (!payload.ok) {
    return { ok: false, reason: `invalid ${definition.type} payload: ${formatValidationIssues(payload.issues.map((i) => ({ ...i, field: `data.${i.field}` })))}` };
  }
  const event = { ...(plain as CloudEvent<object>), data: payload.value };
  return { ok: true, event, definition };
}
