import { ConfigurationItemFieldsV1 } from '@itsm/contracts/transition';
import { criticalityOf, designServiceExternalId, designServiceIdOf, sameItemFields } from './item-rules';

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

describe('designServiceIdOf', () => {
  it.each([
    ['a business-service item of design', designServiceExternalId('svc-1'), 'svc-1'],
    ['an id with a colon', 'design-service:a:b', 'a:b'],
    ['the prefix alone', 'design-service:', undefined],
    ['another external id', 'asset-1', undefined],
    ['the prefix not at the start', 'x-design-service:svc-1', undefined],
  ])('%s: %s', (_case, externalKey, serviceId) => {
    expect(designServiceIdOf(externalKey)).toBe(serviceId);
  });
});

describe('criticalityOf', () => {
  it.each([
    ['high', { criticality: 'high' }, 'high'],
    ['mission critical', { criticality: 'mission_critical', hostname: 'x' }, 'mission_critical'],
    ['no such attribute', { hostname: 'x' }, undefined],
    ['a value of another scale', { criticality: 'tier-1' }, undefined],
    ['not text', { criticality: 3 }, undefined],
  ])('%s', (_case, attributes, criticality) => {
    expect(criticalityOf(attributes)).toBe(criticality);
  });
});
