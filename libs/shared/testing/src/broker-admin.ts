import { parkingMonitorQueue, serviceEventsQueue, serviceParkingQueue } from '@itsm/contracts';
import { connect } from 'amqplib';

/** Deletes queues so a test starts from an empty broker state; services re-declare them on start. */
export async function deleteQueues(amqpUrl: string, queues: readonly string[]): Promise<void> {
  const connection = await connect(amqpUrl);
  try {
    const channel = await connection.createChannel();
    for (const queue of queues) await channel.deleteQueue(queue);
  } finally {
    await connection.close();
  }
}

/**
 * Deletes the event queues (and parking and parking monitor queues) of services about to start, so
 * they do not first work through what every earlier test published to itsm.events, or parked,
 * while they were not running (the queues are durable and bound to it).
 */
export function deleteServiceQueues(amqpUrl: string, services: readonly string[]): Promise<void> {
  return deleteQueues(
    amqpUrl,
    services.flatMap((service) => [serviceEventsQueue(service), serviceParkingQueue(service), parkingMonitorQueue(serviceParkingQueue(service))]),
  );
}

/** Ready message count of a queue (0 when it does not exist). */
export async function queueDepth(amqpUrl: string, queue: string): Promise<{ messages: number; consumers: number }> {
  const connection = await connect(amqpUrl);
  try {
    const channel = await connection.createChannel();
    channel.on('error', () => undefined);
    const result = await channel.checkQueue(queue).catch(() => ({ messageCount: 0, consumerCount: 0 }));
    return { messages: result.messageCount, consumers: result.consumerCount };
  } finally {
    await connection.close().catch(() => undefined);
  }
}
