import { ForbiddenError, Principal, Role } from '@itsm/contracts';
import { CatalogueState } from '@itsm/contracts/design';
import { assertMayChangeService, assertMaySeeUnrequestable, listedServiceState, seesWholeCatalogue } from './catalogue-access-rules';

const actor = (userId: string, ...roles: Role[]): Principal => ({ userId, roles, groups: [] });
const email = { name: 'Email', ownerId: 'owner-1' };

describe('seesWholeCatalogue', () => {
  it.each<[Role[], boolean]>([
    [['service_owner'], true],
    [['administrator'], true],
    [['requester'], false],
    [['change_manager'], false],
    [['portfolio_manager'], false],
    [['requester', 'service_owner'], true],
    [[], false],
  ])('%j: %s', (roles, whole) => {
    expect(seesWholeCatalogue(actor('u', ...roles))).toBe(whole);
  });
});

describe('listedServiceState', () => {
  it.each<[string, Role, CatalogueState | undefined, CatalogueState | undefined]>([
    ['a service owner lists every state', 'service_owner', undefined, undefined],
    ['a service owner lists drafts', 'service_owner', 'draft', 'draft'],
    ['an administrator lists withdrawn services', 'administrator', 'withdrawn', 'withdrawn'],
    ['a requester lists the published services', 'requester', undefined, 'published'],
    ['a requester may ask for the published ones', 'requester', 'published', 'published'],
    ['a change manager lists the published services', 'change_manager', undefined, 'published'],
  ])('%s', (_case, role, requested, filter) => {
    expect(listedServiceState(actor('u', role), requested)).toBe(filter);
  });

  it.each<[Role, CatalogueState]>([
    ['requester', 'draft'],
    ['csi_analyst', 'withdrawn'],
  ])('refuses a %s asking for %s services (403)', (role, requested) => {
    expect(() => listedServiceState(actor('u', role), requested)).toThrow(ForbiddenError);
  });
});

describe('assertMaySeeUnrequestable', () => {
  it.each<[Role, boolean | undefined, boolean]>([
    ['requester', undefined, true],
    ['requester', false, true],
    ['requester', true, false],
    ['service_owner', true, true],
    ['administrator', true, true],
  ])('%s asking includeUnrequestable=%s: allowed %s', (role, include, allowed) => {
    const check = () => assertMaySeeUnrequestable(actor('u', role), include);
    if (allowed) expect(check).not.toThrow();
    else expect(check).toThrow(ForbiddenError);
  });
});

describe('assertMayChangeService', () => {
  it.each<[string, Principal, boolean]>([
    ['its owner', actor('owner-1', 'service_owner'), true],
    ['another service owner', actor('owner-2', 'service_owner'), false],
    ['an administrator', actor('admin-1', 'administrator'), true],
    ['a portfolio manager named as its owner (no right to manage the catalogue)', actor('owner-1', 'portfolio_manager'), false],
    ['a requester', actor('req-1', 'requester'), false],
  ])('%s: %s', (_case, who, allowed) => {
    const check = () => assertMayChangeService(who, email);
    if (allowed) expect(check).not.toThrow();
    else expect(check).toThrow(new ForbiddenError('only the owner of Email (or an administrator) may change it or its items'));
  });
});
