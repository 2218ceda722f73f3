import { ConfigurationItemFieldsV1 } from '@itsm/contracts/transition';
import { sameItemFields } from './item-rules';

const item: ConfigurationItemFieldsV1 = { classKey: 'server', name: 'db-01', lifecycleState: 'operational', attributes: { hostname: 'db-01', cpu_cores: 8 }, externalId: 'x-1' };

describe('sameItemFields', () => {
  it.each([
    ['the same fields', {}, true],
    ['attributes in another order', { attributes: { cpu_cores: 8, hostname: 'db-01' } }, true],
    ['another name', { name: 'db-02' }, false],
    ['an owner added', { owner: 'u1' }, false],
    ['an attribute changed', { attributes: { hostname: 'db-01', cpu_cores: 16 } }, false],
    ['an attribute removed', { attributes: { hostname: 'db-01' } }, false],
    ['another lifecycle state', { lifecycleState: 'retired' as const }, false],
  ])('%s: %s', (_case, change, same) => {
    expect(sameItemFields(item, { ...item, ...change })).toBe(same);
  });
});
