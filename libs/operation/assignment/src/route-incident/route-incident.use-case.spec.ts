import { RoutingTableLookup } from '../persistence/routing-table.lookup';
import { RouteIncident } from './route-incident.use-case';

/** The routing table RouteIncident reads, in memory: counts the reads, and can fail the next one. */
class TableInMemory {
  reads = 0;
  failNext = false;
  groupId = 'g-1';

  async activeRules() {
    this.reads += 1;
    if (this.failNext) {
      this.failNext = false;
      throw new Error('database unavailable');
    }
    return [{ _id: 'r-1', name: 'all', order: 1, groupId: this.groupId, active: true }];
  }

  async activeGroupIds() {
    return new Set([this.groupId]);
  }
}

describe('RouteIncident (the routing table kept for a TTL)', () => {
  let table: TableInMemory;
  const routing = (ttlMs: number) => new RouteIncident(table as unknown as RoutingTableLookup, ttlMs);

  beforeEach(() => {
    table = new TableInMemory();
    jest.useFakeTimers({ now: new Date('2026-11-30T12:00:00Z') });
  });
  afterEach(() => jest.useRealTimers());

  it('reads the table once for the incidents routed within the TTL, concurrent ones sharing the read', async () => {
    const route = routing(2_000);
    expect(await Promise.all([route.routeIncident({}), route.routeIncident({}), route.routeIncident({})])).toEqual(['g-1', 'g-1', 'g-1']);
    jest.advanceTimersByTime(1_999);
    table.groupId = 'g-2';
    expect(await route.routeIncident({})).toBe('g-1');
    expect(table.reads).toBe(1);
  });

  it('applies a changed table to the incidents routed once the TTL has passed', async () => {
    const route = routing(2_000);
    await route.routeIncident({});
    table.groupId = 'g-2';
    jest.advanceTimersByTime(2_000);
    expect(await route.routeIncident({})).toBe('g-2');
    expect(table.reads).toBe(2);
  });

  it('keeps no failed read: the next incident reads again', async () => {
    const route = routing(2_000);
    table.failNext = true;
    await expect(route.routeIncident({})).rejects.toThrow('database unavailable');
    expect(await route.routeIncident({})).toBe('g-1');
    expect(table.reads).toBe(2);
  });

  it('reads on every incident with a TTL of 0', async () => {
    const route = routing(0);
    await route.routeIncident({});
    table.groupId = 'g-2';
    expect(await route.routeIncident({})).toBe('g-2');
    expect(table.reads).toBe(2);
  });
});
