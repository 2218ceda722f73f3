/**
 * Queue naming. Every consuming service owns one quorum queue for the events
 * it subscribes to, plus its own dead-letter exchange and parking queue.
 */
export const serviceEventsQueue = (service: string): string => `itsm.${service}.events`;
export const serviceDeadLetterExchange = (service: string): string => `itsm.${service}.dlx`;
export const serviceParkingQueue = (service: string): string => `itsm.${service}.parking`;
/**
 * A second queue on a service's dead-letter exchange, beside its parking queue: it receives a copy of
 * every parked message, whoever parked it (a consumer, or the broker at the delivery limit), and the
 * service consumes it to log, count and report each one, while the parking queue keeps the messages
 * for operators.
 */
export const parkingMonitorQueue = (parkingQueue: string): string => `${parkingQueue}-monitor`;

/** Work queue of incident intake, consumed by competing operation intake instances. */
export const INCIDENT_INTAKE_QUEUE = 'itsm.operation.incident-intake';

/** Work queue of alert intake, consumed by competing operation alert-intake instances (scaled apart from incident intake). */
export const ALERT_INTAKE_QUEUE = 'itsm.operation.alert-intake';

/**
 * Design's work queue of replay requests (itsm.design.service-levels.replay.v1): declared by design,
 * which consumes it, and by every requester, so a request sent before design first started waits there.
 */
export const SERVICE_LEVEL_REPLAY_QUEUE = 'itsm.design.service-level-replay';

/**
 * Transition's work queue of replay requests (itsm.transition.configuration-items.replay.v1): declared by
 * transition, which consumes it, and by every requester, so a request sent before transition first started waits there.
 */
export const CONFIGURATION_ITEM_REPLAY_QUEUE = 'itsm.transition.configuration-item-replay';

/** After this many deliveries (about two and a half minutes of backed-off retries) a message that keeps failing is parked. */
export const DEFAULT_DELIVERY_LIMIT = 10;

/** Headers set on a message parked by a consumer that rejected it, so operators see why. */
export const DEAD_LETTER_REASON_HEADER = 'x-itsm-dead-letter-reason';
export const DEAD_LETTER_QUEUE_HEADER = 'x-itsm-dead-letter-queue';
/** Which of PARK_CAUSES parked it. */
export const DEAD_LETTER_CAUSE_HEADER = 'x-itsm-dead-letter-cause';
/** Why, in words fit for whoever sent the request: a rule's or the contract's message, never a server's internals. */
export const DEAD_LETTER_DETAIL_HEADER = 'x-itsm-dead-letter-detail';

/**
 * Why a message was parked: `invalid`, not a valid message of a known type; `rejected`, its handler
 * said it can never succeed (a broken rule, a value the store cannot keep); `delivery-limit`, it failed
 * on every delivery its queue allows; `dead-lettered`, the broker parked it for another reason.
 */
export const PARK_CAUSES = ['invalid', 'rejected', 'delivery-limit', 'dead-lettered'] as const;
export type ParkCause = (typeof PARK_CAUSES)[number];
