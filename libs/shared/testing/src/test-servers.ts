/** URLs of the real servers that the integration global setup provisioned (tools/infra/launcher.mjs). */
export interface TestServers {
  amqpUrl: string;
  mongoUrl: string;
}

export function testServers(): TestServers {
  const amqpUrl = process.env.ITSM_AMQP_URL;
  const mongoUrl = process.env.ITSM_MONGO_URL;
  if (!amqpUrl || !mongoUrl) {
    throw new Error('ITSM_AMQP_URL / ITSM_MONGO_URL are not set: run integration tests through jest (its global setup starts the servers).');
  }
  return { amqpUrl, mongoUrl };
}

/** A database name no other test uses, so tests never see each other's documents. */
export function uniqueDatabaseName(prefix: string): string {
  return `test_${prefix}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
}
