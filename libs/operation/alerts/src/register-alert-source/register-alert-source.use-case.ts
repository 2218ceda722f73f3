import { MessageDefinition, StateConflictError, createCloudEvent, uuidV7 } from '@itsm/contracts';
import { ALERT_SOURCE_REGISTERED_V1, ALERT_SOURCE_REVOKED_V1, AlertSourceV1 } from '@itsm/contracts/operation';
import { VersionedState } from '@itsm/persistence';
import { RequestOrigin } from '@itsm/service-runtime';
import { Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { AlertSourceFields, AlertSourceRepository, StoredAlertSource } from '../persistence/alert-source.repository';

/** A registered source and its credential, which exists only in this answer. */
export interface RegisteredAlertSource {
  source: StoredAlertSource;
  /** `itsmas.<source id>.<secret>`: 32 random bytes, base64url. */
  credential: string;
}

/** SHA-256 (hex) of a credential's secret part, as stored and as the gateway compares it. */
export function secretSha256(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/**
 * Registers alert sources, each with a credential of its own, and revokes them. The credential is
 * `itsmas.<id>.<secret>`, the secret 32 random bytes (base64url); only its SHA-256 is stored, so it is shown
 * once, in the registration's answer (a lost one means registering a new source and revoking the old).
 * Emits itsm.operation.alert-source.registered.v1 and .revoked.v1 (never the secret or its hash).
 * Errors: 404 unknown source; 409 revoking a source already revoked.
 */
@Injectable()
export class RegisterAlertSource {
  constructor(private readonly sources: AlertSourceRepository) {}

  async register(fields: { name: string; description?: string }, origin: RequestOrigin): Promise<RegisteredAlertSource> {
    const id = uuidV7();
    const secret = randomBytes(32).toString('base64url');
    const written = await this.sources.define(id, { ...fields, active: true, secretSha256: secretSha256(secret) }, (state) => [sourceEvent(ALERT_SOURCE_REGISTERED_V1, state, origin)]);
    return { source: written.record, credential: `itsmas.${id}.${secret}` };
  }

  async revoke(id: string, origin: RequestOrigin): Promise<StoredAlertSource> {
    const written = await this.sources.revise(
      id,
      ({ _id, version, createdAt, updatedAt, ...fields }) => {
        if (!fields.active) throw new StateConflictError(`alert source ${id} is already revoked`);
        return { ...fields, active: false };
      },
      (state) => [sourceEvent(ALERT_SOURCE_REVOKED_V1, state, origin)],
    );
    return written.record;
  }
}

function sourceEvent(definition: MessageDefinition<AlertSourceV1>, state: VersionedState<AlertSourceFields>, origin: RequestOrigin) {
  const { name, description, active } = state.fields;
  const payload: AlertSourceV1 = { sourceId: state.id, version: state.version, name, ...(description === undefined ? {} : { description }), active };
  return createCloudEvent(definition, state.id, payload, { service: 'operation', ...origin }, state.at);
}
