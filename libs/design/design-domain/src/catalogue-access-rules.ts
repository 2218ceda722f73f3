import { isAllowed, policyNamed } from '@itsm/access';
import { ForbiddenError, Principal } from '@itsm/contracts';
import { CatalogueState } from '@itsm/contracts/design';

/**
 * Who may manage the catalogue (policy `catalogue.manage`: service owners, administrators) also sees
 * drafts, withdrawn services and items that cannot be requested; everyone else sees published services
 * and requestable items only.
 */
export function seesWholeCatalogue(actor: Principal): boolean {
  return isAllowed(actor, policyNamed('catalogue.manage'));
}

/**
 * The state filter of a list of catalogue services for `actor`: what they asked for (any state, or none)
 * when they see the whole catalogue, `published` otherwise.
 *
 * @throws ForbiddenError (403) when someone who does not see the whole catalogue asks for another state.
 */
export function listedServiceState(actor: Principal, requested: CatalogueState | undefined): CatalogueState | undefined {
  if (seesWholeCatalogue(actor)) return requested;
  if (requested !== undefined && requested !== 'published') throw new ForbiddenError('only catalogue managers see draft and withdrawn services');
  return 'published';
}

/** @throws ForbiddenError (403) when someone who does not see the whole catalogue asks for items that cannot be requested. */
export function assertMaySeeUnrequestable(actor: Principal, includeUnrequestable: boolean | undefined): void {
  if (includeUnrequestable && !seesWholeCatalogue(actor)) throw new ForbiddenError('only catalogue managers see items that cannot be requested');
}

/**
 * A service owner shapes only the catalogue services whose `ownerId` is theirs, and the items of those
 * services; administrators shape every one; nobody else any (policy `catalogue.manage`).
 *
 * @throws ForbiddenError (403) naming the service otherwise.
 */
export function assertMayChangeService(actor: Principal, service: { name: string; ownerId: string }): void {
  const manager = seesWholeCatalogue(actor);
  if (manager && (actor.roles.includes('administrator') || service.ownerId === actor.userId)) return;
  throw new ForbiddenError(`only the owner of ${service.name} (or an administrator) may change it or its items`);
}
