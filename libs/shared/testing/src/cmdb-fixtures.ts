import { MongoClient } from 'mongodb';
import { eventually } from './eventually';
import { PlatformUnderTest } from './platform-under-test';
import { testServers } from './test-servers';

/**
 * Registers a configuration item in the CMDB through the gateway (transition, as a configuration manager: a server,
 * operational, named after `externalId` unless `fields` say otherwise) and waits until operation's copy of the CMDB
 * holds it (its `configuration_items`, from transition's event), so incidents, problems, known errors and routing
 * rules may name it by `externalId` or by the returned id. The platform must run transition and operation.
 */
export async function registerConfigurationItem(platform: PlatformUnderTest, externalId: string, fields: Record<string, unknown> = {}): Promise<{ id: string; version: number }> {
  const token = await platform.token('cmdb-fixture', ['configuration_manager']);
  const response = await platform.fetch('POST', '/api/v1/cmdb/items', token, { classKey: 'server', name: externalId, lifecycleState: 'operational', attributes: {}, externalId, ...fields });
  if (response.status !== 201) throw new Error(`registering ${externalId}: ${response.status} ${await response.text()}`);
  const item = (await response.json()) as { id: string; version: number };
  await untilOperationHolds(platform, item.id, item.version);
  return item;
}

/** Waits until operation's copy of the CMDB holds version `version` (or a later one) of item `itemId`. */
export async function untilOperationHolds(platform: PlatformUnderTest, itemId: string, version: number): Promise<void> {
  const client = await MongoClient.connect(testServers().mongoUrl);
  try {
    const items = client.db(platform.databaseOf('operation')).collection<{ _id: string; version: number }>('configuration_items');
    await eventually(() => items.findOne({ _id: itemId }), (item) => (item?.version ?? 0) >= version, { what: `item ${itemId} v${version} in operation's copy of the CMDB`, timeoutMs: 20_000 });
  } finally {
    await client.close();
  }
}
