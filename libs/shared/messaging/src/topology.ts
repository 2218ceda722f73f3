import {
  ALERT_INTAKE_QUEUE,
  DEFAULT_DELIVERY_LIMIT,
  INCIDENT_INTAKE_QUEUE,
  SERVICE_LEVEL_REPLAY_QUEUE,
  CONFIGURATION_ITEM_REPLAY_QUEUE,
  ITSM_COMMANDS_EXCHANGE,
  ITSM_EVENTS_EXCHANGE,
  parkingMonitorQueue,
  serviceDeadLetterExchange,
  serviceEventsQueue,
  serviceParkingQueue,
} from '@itsm/contracts';
import { REPLAY_SERVICE_LEVELS_V1 } from '@itsm/contracts/design';
import { RECEIVE_ALERTS_V1, REGISTER_INCIDENT_V1 } from '@itsm/contracts/operation';
import { REPLAY_CONFIGURATION_ITEMS_V1 } from '@itsm/contracts/transition';
import { Channel } from 'amqplib';

export interface QueueBinding {
  exchange: string;
  /** Routing key or topic pattern (`*` one word, `#` any words). */
  pattern: string;
}

/** A consuming service's quorum queue with its dead-letter path. */
export interface QueueSpec {
  name: string;
  deadLetterExchange: string;
  parkingQueue: string;
  bindings: readonly QueueBinding[];
  deliveryLimit: number;
}

/** The queue of a service's event subscriptions, bound to itsm.events by topic patterns. */
export function serviceEventsQueueSpec(service: string, patterns: readonly string[]): QueueSpec {
  return {
    name: serviceEventsQueue(service),
    deadLetterExchange: serviceDeadLetterExchange(service),
    parkingQueue: serviceParkingQueue(service),
    bindings: patterns.map((pattern) => ({ exchange: ITSM_EVENTS_EXCHANGE, pattern })),
    deliveryLimit: DEFAULT_DELIVERY_LIMIT,
  };
}

/** Incident intake's work queue. Declared by the gateway (publisher) and operation (consumer) alike. */
export function incidentIntakeQueueSpec(): QueueSpec {
  return {
    name: INCIDENT_INTAKE_QUEUE,
    deadLetterExchange: serviceDeadLetterExchange('operation'),
    parkingQueue: serviceParkingQueue('operation'),
    bindings: [{ exchange: ITSM_COMMANDS_EXCHANGE, pattern: REGISTER_INCIDENT_V1.type }],
    deliveryLimit: DEFAULT_DELIVERY_LIMIT,
  };
}

/** Alert intake's work queue (its own, so alerts scale apart from incidents). Declared by the gateway (publisher) and operation (consumer) alike. */
export function alertIntakeQueueSpec(): QueueSpec {
  return commandQueueSpec('operation', ALERT_INTAKE_QUEUE, RECEIVE_ALERTS_V1.type);
}

/** A service's work queue for one command type, bound to itsm.commands by it, on the service's dead-letter path. */
function commandQueueSpec(service: string, name: string, commandType: string): QueueSpec {
  return {
    name,
    deadLetterExchange: serviceDeadLetterExchange(service),
    parkingQueue: serviceParkingQueue(service),
    bindings: [{ exchange: ITSM_COMMANDS_EXCHANGE, pattern: commandType }],
    deliveryLimit: DEFAULT_DELIVERY_LIMIT,
  };
}

/**
 * Design's queue of replay requests (the current calendars and service levels, sent to the requester's
 * event queue). Declared by design (consumer) and by every requester (publisher) alike.
 */
export function serviceLevelReplayQueueSpec(): QueueSpec {
  return commandQueueSpec('design', SERVICE_LEVEL_REPLAY_QUEUE, REPLAY_SERVICE_LEVELS_V1.type);
}

/**
 * Transition's queue of replay requests (the current configuration items, sent to the requester's event
 * queue). Declared by transition (consumer) and by every requester (publisher) alike.
 */
export function configurationItemReplayQueueSpec(): QueueSpec {
  return commandQueueSpec('transition', CONFIGURATION_ITEM_REPLAY_QUEUE, REPLAY_CONFIGURATION_ITEMS_V1.type);
}

export async function declareExchanges(channel: Channel): Promise<void> {
  await channel.assertExchange(ITSM_EVENTS_EXCHANGE, 'topic', { durable: true });
  await channel.assertExchange(ITSM_COMMANDS_EXCHANGE, 'direct', { durable: true });
}

/**
 * Declares a queue and its dead-letter path: the fanout dead-letter exchange, the parking queue (kept
 * for operators) and the parking monitor queue (consumed by the service, see monitorParking), which has
 * no dead-letter exchange of its own, so nothing it gives up loops back into the path. Idempotent: the
 * arguments are derived from the spec alone, so every declarer asserts identical ones (RabbitMQ refuses
 * a re-declaration with different arguments).
 */
export async function declareQueue(channel: Channel, spec: QueueSpec): Promise<void> {
  await declareExchanges(channel);
  await channel.assertExchange(spec.deadLetterExchange, 'fanout', { durable: true });
  await channel.assertQueue(spec.parkingQueue, { durable: true, arguments: { 'x-queue-type': 'quorum' } });
  await channel.bindQueue(spec.parkingQueue, spec.deadLetterExchange, '');
  const monitor = parkingMonitorQueue(spec.parkingQueue);
  await channel.assertQueue(monitor, { durable: true, arguments: { 'x-queue-type': 'quorum', 'x-delivery-limit': spec.deliveryLimit } });
  await channel.bindQueue(monitor, spec.deadLetterExchange, '');
  await channel.assertQueue(spec.name, {
    durable: true,
    arguments: {
      'x-queue-type': 'quorum',
      'x-dead-letter-exchange': spec.deadLetterExchange,
      'x-delivery-limit': spec.deliveryLimit,
    },
  });
  for (const binding of spec.bindings) {
    await channel.bindQueue(spec.name, binding.exchange, binding.pattern);
  }
}
