/**
 * Queue naming. Every consuming service owns one quorum queue for the events
 * it subscribes to, plus its own dead-letter exchange and parking queue.
 */
export const serviceEventsQueue = (service: string): string => `itsm.${service}.events`;
export const serviceDeadLetterExchange = (service: string): string => `itsm.${service}.dlx`;
export const serviceParkingQueue = (service: string): string => `itsm.${service}.parking`;

/** Work queue of incident intake, consumed by competing operation intake instances. */
export const INCIDENT_INTAKE_QUEUE = 'itsm.operation.incident-intake';

/** After this many deliveries (about two and a half minutes of backed-off retries) a message that keeps failing is parked. */
export const DEFAULT_DELIVERY_LIMIT = 10;

/** Headers set on a message parked by a consumer that rejected it, so operators see why. */
export const DEAD_LETTER_REASON_HEADER = 'x-itsm-dead-letter-reason';
export const DEAD_LETTER_QUEUE_HEADER = 'x-itsm-dead-letter-queue';
