// @ts-check
/**
 * The generated CMDB of the CMDB benches (bench/impact, bench/cmdb-import): seeded, so every run has the
 * same graph. Per 50,000 items: 2,000 business services (each uses 8 applications, depends on 1 other
 * service), 10,000 applications (each runs on 3 servers, depends on 2 databases and 1 other application:
 * cycles), 5,000 databases (each runs on 2 servers), 28,000 servers (each connects to 3 network devices,
 * is hosted by 1 other server), 5,000 network devices; 4 relationships per item.
 */

import { mulberry32 } from '../lib/support.mjs';

/** The seeded generator of the CMDB benches (mulberry32), so every run imports the same graph. */
export const random = mulberry32;

/** Items by class and relationships, 4 per item, as the module comment describes; `dependent`/`dependency` as the service reads each type. */
export function generateCmdb(total) {
  const next = random(20261130);
  const count = (share) => Math.round((total * share) / 50_000);
  const classes = { business_service: count(2_000), application: count(10_000), database: count(5_000), server: count(28_000), network_device: count(5_000) };
  const items = [];
  const byClass = {};
  for (const [classKey, n] of Object.entries(classes)) {
    byClass[classKey] = [];
    for (let index = 0; index < n; index++) {
      const externalId = `${classKey}-${index}`;
      byClass[classKey].push(externalId);
      items.push({ externalId, classKey, name: `${classKey.replace('_', ' ')} ${index}`, lifecycleState: 'operational', attributes: {} });
    }
  }
  const pick = (classKey) => byClass[classKey][Math.floor(next() * byClass[classKey].length)];
  const seen = new Set();
  const relationships = [];
  const add = (type, from, to) => {
    const key = `${from}|${type}|${to}`;
    if (from === to || seen.has(key)) return false;
    seen.add(key);
    relationships.push({ type, fromExternalId: from, toExternalId: to });
    return true;
  };
  const each = (classKey, times, type, target, reversed = false) => {
    for (const item of byClass[classKey]) {
      for (let made = 0; made < times; ) if (reversed ? add(type, pick(target), item) : add(type, item, pick(target))) made++;
    }
  };
  each('server', 3, 'connects_to', 'network_device');
  each('database', 2, 'runs_on', 'server');
  each('application', 3, 'runs_on', 'server');
  each('application', 2, 'depends_on', 'database');
  each('application', 1, 'depends_on', 'application');
  each('business_service', 8, 'uses', 'application');
  each('business_service', 1, 'depends_on', 'business_service');
  each('server', 1, 'hosts', 'server', true); // a host hosts this server: the server depends on its host
  return { items, relationships, servers: byClass.server };
}
