import { defineMessage } from '../../../messages/message-definition';
import { ReplayRequestV1 } from '../../../messages/replay-request.v1';

/**
 * Command: send me the current version of every configuration item. A service keeping its own copy of the
 * CMDB's items (operation, for the items incidents, problems and known errors name) sends it when it starts,
 * because what transition published before the service's queue existed (or while its queue was deleted)
 * never reached it.
 */
export class ReplayConfigurationItemsV1 extends ReplayRequestV1 {
  /**
   * The requester's event queue (`itsm.<service>.events`). Transition sends it one
   * `itsm.transition.configuration-item.registered.v1` (version 1) or `.revised.v1` (a later version) per
   * item, retired ones included, each the current version whole, read and sent a page at a time, through
   * the broker's default exchange.
   */
  declare replyTo: string;
}

export const REPLAY_CONFIGURATION_ITEMS_V1 = defineMessage({
  type: 'itsm.transition.configuration-items.replay.v1',
  kind: 'command',
  recordType: 'configuration-item',
  payload: ReplayConfigurationItemsV1,
  summary: "Send the current version of every configuration item to the requester's event queue (sent by a service that keeps a copy of the CMDB's items when it starts).",
});
