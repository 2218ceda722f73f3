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

/**
 * Calls the test broker's management API (`path` after /api, e.g. `/policies/%2F/name`): at
 * ITSM_AMQP_MANAGEMENT_URL, which the global setup sets when the launcher knows it, else on the AMQP
 * host's port 15672, as the apps find it; with the credentials of either URL.
 */
export async function brokerManagementRequest(amqpUrl: string, path: string, method: 'GET' | 'DELETE' = 'GET'): Promise<Response> {
  const amqp = new URL(amqpUrl);
  const management = new URL(process.env.ITSM_AMQP_MANAGEMENT_URL || `http://${amqp.hostname}:15672`);
  const username = decodeURIComponent(management.username || amqp.username || 'guest');
  const password = decodeURIComponent(management.password || amqp.password || 'guest');
  return fetch(`${management.protocol}//${management.host}${management.pathname.replace(/\/$/, '')}/api${path}`, {
    method,
    headers: { authorization: `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}` },
  });
}
