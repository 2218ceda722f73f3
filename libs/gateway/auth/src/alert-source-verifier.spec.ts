import { NotFoundError } from '@itsm/contracts';
import { AlertSourceCredentialView } from '@itsm/contracts/operation';
import { InternalTokenSigner } from '@itsm/service-runtime';
import { createHash } from 'node:crypto';
import { ALERT_SOURCE_REUSE_MS, AlertSourceVerifier, alertSourceIdOf } from './alert-source-verifier';
import { InvalidTokenError } from './token-verifier';

const ID = '01a20e2a-fed4-7197-a433-736b13a7a69e';
const SECRET = 'a'.repeat(43);
const CREDENTIAL = `itsmas.${ID}.${SECRET}`;
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** Operation's answers, as a map of source id to check data; counts the calls. */
function operation(sources: Record<string, AlertSourceCredentialView>) {
  const calls: string[] = [];
  return {
    calls,
    sources,
    get: async <T>(path: string): Promise<T> => {
      calls.push(path);
      const id = path.split('/')[3] ?? '';
      const found = sources[id];
      if (!found) throw new NotFoundError('alert source', id);
      return found as T;
    },
  };
}

describe('AlertSourceVerifier', () => {
  let clock = 0;
  const signer = new InternalTokenSigner('x'.repeat(48), () => clock);
  const active = { id: ID, secretSha256: sha256(SECRET), active: true };

  it.each<[string, string, Record<string, AlertSourceCredentialView>, string | undefined]>([
    ['the registered secret', CREDENTIAL, { [ID]: active }, undefined],
    ['another secret', `itsmas.${ID}.${'b'.repeat(43)}`, { [ID]: active }, 'the alert source credential is not valid'],
    ['an unknown source', CREDENTIAL, {}, 'the alert source credential is not valid'],
    ['a revoked source', CREDENTIAL, { [ID]: { ...active, active: false } }, 'the alert source is revoked'],
    ['a malformed credential', `itsmas.${ID}.short`, { [ID]: active }, 'the alert source credential is malformed'],
  ])('%s', async (_case, token, sources, refusal) => {
    const verifier = new AlertSourceVerifier(operation(sources), signer, () => clock);
    if (refusal === undefined) {
      const principal = await verifier.verify(token);
      expect([principal.userId, principal.roles, alertSourceIdOf(principal)]).toEqual([`alert-source:${ID}`, [], ID]);
    } else {
      await expect(verifier.verify(token)).rejects.toEqual(new InvalidTokenError(refusal));
    }
  });

  it('reuses a source\'s check data for ALERT_SOURCE_REUSE_MS: a revocation refuses its credential at most that much later', async () => {
    const backend = operation({ [ID]: active });
    const verifier = new AlertSourceVerifier(backend, signer, () => clock);
    clock = 1_000;
    await verifier.verify(CREDENTIAL);
    backend.sources[ID] = { ...active, active: false };
    clock += ALERT_SOURCE_REUSE_MS - 1;
    await expect(verifier.verify(CREDENTIAL)).resolves.toBeDefined();
    clock += 1;
    await expect(verifier.verify(CREDENTIAL)).rejects.toBeInstanceOf(InvalidTokenError);
    expect(backend.calls).toHaveLength(2);
  });

  it('tells users from sources', () => {
    expect(alertSourceIdOf({ userId: 'alice', roles: ['requester'], groups: [] })).toBeUndefined();
  });
});
