import { IsBoolean, IsInt, Matches, Min } from 'class-validator';
import { UUID_PATTERN } from '../../../ids/uuid-v7';
import { defineMessage } from '../../../messages/message-definition';
import { AlertSourceFieldsV1 } from '../alert-source-fields.v1';

/** An alert source as its events carry it (never its secret nor the secret's hash). */
export class AlertSourceV1 extends AlertSourceFieldsV1 {
  @Matches(UUID_PATTERN)
  sourceId!: string;

  @IsInt()
  @Min(1)
  version!: number;

  /** False once revoked: its credential is refused. */
  @IsBoolean()
  active!: boolean;
}

export const ALERT_SOURCE_REGISTERED_V1 = defineMessage({
  type: 'itsm.operation.alert-source.registered.v1',
  kind: 'event',
  recordType: 'alert-source',
  payload: AlertSourceV1,
  summary: 'An alert source was registered with a credential of its own (the secret is shown once, to who registered it, and never sent).',
});
