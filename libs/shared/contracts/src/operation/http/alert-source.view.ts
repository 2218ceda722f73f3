import { IsBoolean, IsString, Matches } from 'class-validator';
import { RecordIdProperty, VersionedView } from '../../http/view-properties';
import { AlertSourceFieldsV1 } from '../messages/alert-source-fields.v1';

/** The scheme of alert-source credentials: `itsmas.<source id>.<secret>`, sent as a bearer token. */
export const ALERT_SOURCE_CREDENTIAL_PATTERN = /^itsmas\.([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.([A-Za-z0-9_-]{43})$/;

/** An alert source as the API shows it (never its secret nor the secret's hash). */
export class AlertSourceView extends VersionedView(AlertSourceFieldsV1) {
  @RecordIdProperty()
  id!: string;

  /** False once revoked. */
  @IsBoolean()
  active!: boolean;
}

/** The answer to a registration: the source and its credential, shown this once (only its SHA-256 is stored). */
export class AlertSourceRegisteredView extends AlertSourceView {
  /** The bearer token the source sends (`Authorization: Bearer itsmas.<id>.<secret>`); it reaches the alert routes only. */
  @Matches(ALERT_SOURCE_CREDENTIAL_PATTERN)
  credential!: string;
}

/** Internal (operation to gateway): what the gateway checks a presented credential against. */
export class AlertSourceCredentialView {
  @RecordIdProperty()
  id!: string;

  /** SHA-256 (hex) of the secret part of the credential. */
  @IsString()
  secretSha256!: string;

  @IsBoolean()
  active!: boolean;
}
