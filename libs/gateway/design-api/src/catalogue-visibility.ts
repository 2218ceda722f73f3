import { Principal } from '@itsm/contracts';
import { isAllowed, policyNamed } from '@itsm/gateway/auth';

/** Who may manage the catalogue also sees drafts, withdrawn services and items that cannot be requested. */
export function seesWholeCatalogue(principal: Principal): boolean {
  return isAllowed(principal, policyNamed('catalogue.manage'));
}
