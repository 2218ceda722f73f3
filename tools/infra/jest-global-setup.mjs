// Integration tests run against real servers: this provisions them once per run
// with the same launcher as `npm start`, and hands their URLs to the test workers.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isFerretDb } from './ferretdb-indexes.mjs';
import { ensureInfrastructure } from './launcher.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export default async function globalSetup() {
  const infrastructure = await ensureInfrastructure({ root, purpose: 'tests', log: (line) => console.log(`\n[infra] ${line}`) });
  process.env.ITSM_AMQP_URL = infrastructure.amqpUrl;
  process.env.ITSM_MONGO_URL = infrastructure.mongoUrl;
  if (infrastructure.managementUrl) process.env.ITSM_AMQP_MANAGEMENT_URL = infrastructure.managementUrl;
  // Which MongoDB-wire server it is, for the few tests that check what only FerretDB needs.
  process.env.ITSM_MONGO_SERVER = (await isFerretDb(infrastructure.mongoUrl)) ? 'ferretdb' : 'mongodb';
  globalThis.__ITSM_INFRASTRUCTURE__ = infrastructure;
}
