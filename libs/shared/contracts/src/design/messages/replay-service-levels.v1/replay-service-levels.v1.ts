import { defineMessage } from '../../../messages/message-definition';
import { ReplayRequestV1 } from '../../../messages/replay-request.v1';

/**
 * Command: send me the current version of every business calendar, service level, catalogue service
 * ever published and catalogue item. A service keeping its own copy of design's definitions sends it when it starts, because
 * what design published before the service's queue existed (or while its queue was deleted) never reached it.
 */
export class ReplayServiceLevelsV1 extends ReplayRequestV1 {
  /**
   * The requester's event queue (`itsm.<service>.events`). Design sends it one
   * `itsm.design.calendar.changed.v1` per calendar, then one `itsm.design.sla.defined.v1` per
   * service level, then one `itsm.design.service.published.v1` or `.withdrawn.v1` per catalogue service
   * in that state (drafts are left out), then one `itsm.design.catalogue-item.defined.v1` per catalogue item,
   * each the current version, through the broker's default exchange.
   */
  declare replyTo: string;
}

export const REPLAY_SERVICE_LEVELS_V1 = defineMessage({
  type: 'itsm.design.service-levels.replay.v1',
  kind: 'command',
  recordType: 'service-level',
  payload: ReplayServiceLevelsV1,
  summary: "Send the current version of every business calendar, service level, published or withdrawn catalogue service and catalogue item to the requester's event queue (sent by a service that keeps a copy of them when it starts).",
});
