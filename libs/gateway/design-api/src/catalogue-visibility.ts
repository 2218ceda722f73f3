import { ForbiddenError, NotFoundError, Principal, RuleViolationError } from '@itsm/contracts';
import { CatalogueItemView, ServiceView } from '@itsm/contracts/design';
import { isAllowed, policyNamed } from '@itsm/gateway/auth';
import { OriginHeaders, ServiceHttpClient } from '@itsm/service-runtime';

/** Who may manage the catalogue also sees drafts, withdrawn services and items that cannot be requested. */
export function seesWholeCatalogue(principal: Principal): boolean {
  return isAllowed(principal, policyNamed('catalogue.manage'));
}

/**
 * A service owner shapes only the services they own (and their items); administrators
 * shape every one. A service named in a body (`serviceId`) that does not exist is a 400
 * naming that field; one named in the path is a 404, as design answers.
 */
export async function assertManagesService(design: ServiceHttpClient, principal: Principal, origin: OriginHeaders, serviceId: string, namedBy: 'path' | 'body' = 'path'): Promise<void> {
  if (principal.roles.includes('administrator')) return;
  const service = await design.get<ServiceView>(`/v1/services/${encodeURIComponent(serviceId)}`, origin).catch((error: unknown) => {
    if (namedBy === 'body' && error instanceof NotFoundError) throw new RuleViolationError([{ field: 'serviceId', messages: ['no catalogue service has this id'] }]);
    throw error;
  });
  if (service.ownerId !== principal.userId) throw new ForbiddenError(`only the owner of ${service.name} (or an administrator) may change it or its items`);
}

/** As assertManagesService, for an item: its current service and, when the revision moves it, the new one. */
export async function assertManagesItem(design: ServiceHttpClient, principal: Principal, origin: OriginHeaders, itemId: string, nextServiceId: string): Promise<void> {
  if (principal.roles.includes('administrator')) return;
  const current = await design.get<CatalogueItemView>(`/v1/catalogue/items/${encodeURIComponent(itemId)}`, origin);
  await assertManagesService(design, principal, origin, current.serviceId);
  if (nextServiceId !== current.serviceId) await assertManagesService(design, principal, origin, nextServiceId, 'body');
}
