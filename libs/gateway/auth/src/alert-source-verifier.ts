import { NotFoundError, Principal } from '@itsm/contracts';
import { ALERT_SOURCE_CREDENTIAL_PATTERN, AlertSourceCredentialView } from '@itsm/contracts/operation';
import { InternalTokenSigner, ServiceHttpClient, originHeaders } from '@itsm/service-runtime';
import { createHash, timingSafeEqual } from 'node:crypto';
import { InvalidTokenError } from './token-verifier';

/** The prefix of alert sources' credentials (`itsmas.<source id>.<secret>`), which no JWT starts with. */
export const ALERT_SOURCE_CREDENTIAL_PREFIX = 'itsmas.';

/** The user id of an alert source's principal. */
export const ALERT_SOURCE_USER_PREFIX = 'alert-source:';

/** Longest a source's credential check data is reused: a revocation refuses its credential at most this much later. */
export const ALERT_SOURCE_REUSE_MS = 10_000;

/** The gateway's own principal on its calls for credential check data (no role: the route serves it whatever the caller). */
const GATEWAY_PRINCIPAL: Principal = Object.freeze<Principal>({ userId: 'system:gateway', roles: [], groups: [] });

/** The source a principal is, or undefined for a user. */
export function alertSourceIdOf(principal: Principal): string | undefined {
  return principal.userId.startsWith(ALERT_SOURCE_USER_PREFIX) ? principal.userId.slice(ALERT_SOURCE_USER_PREFIX.length) : undefined;
}

/**
 * Verifies alert sources' credentials (`itsmas.<source id>.<secret>`) against operation, which stores the
 * SHA-256 of each source's secret: the gateway reads a source's check data (`GET /v1/alert-sources/:id/credential`
 * of operation's query role), reuses it for ALERT_SOURCE_REUSE_MS, and compares hashes in constant time. A
 * verified source is the principal `alert-source:<id>` with no role; only routes whose policy admits alert
 * sources let it in (AccessGuard). Unknown, revoked or wrong: InvalidTokenError (401); operation out of reach:
 * its DependencyUnavailableError (503).
 */
export class AlertSourceVerifier {
  private readonly known = new Map<string, { check: AlertSourceCredentialView; until: number }>();

  constructor(
    /** A client of operation's query role (`new ServiceHttpClient(url, 'alert source')`). */
    private readonly http: Pick<ServiceHttpClient, 'get'>,
    private readonly signer: InternalTokenSigner,
    private readonly now: () => number = Date.now,
  ) {}

  async verify(token: string): Promise<Principal> {
    const [, sourceId, secret] = ALERT_SOURCE_CREDENTIAL_PATTERN.exec(token) ?? [];
    if (sourceId === undefined || secret === undefined) throw new InvalidTokenError('the alert source credential is malformed');
    const check = await this.checkData(sourceId);
    const presented = createHash('sha256').update(secret).digest();
    const stored = Buffer.from(check?.secretSha256 ?? '', 'hex');
    if (!check || stored.length !== presented.length || !timingSafeEqual(stored, presented)) throw new InvalidTokenError('the alert source credential is not valid');
    if (!check.active) throw new InvalidTokenError('the alert source is revoked');
    return Object.freeze<Principal>({ userId: `${ALERT_SOURCE_USER_PREFIX}${sourceId}`, roles: [], groups: [] });
  }

  private async checkData(sourceId: string): Promise<AlertSourceCredentialView | undefined> {
    const now = this.now();
    const known = this.known.get(sourceId);
    if (known && known.until > now) return known.check;
    try {
      const origin = originHeaders(await this.signer.sign(GATEWAY_PRINCIPAL), undefined);
      const check = await this.http.get<AlertSourceCredentialView>(`/v1/alert-sources/${sourceId}/credential`, origin);
      // Bounded by the sources registered (ids that exist), so the map cannot be grown by guessed ids.
      this.known.set(sourceId, { check, until: now + ALERT_SOURCE_REUSE_MS });
      return check;
    } catch (error) {
      if (error instanceof NotFoundError) return undefined;
      throw error;
    }
  }
}
