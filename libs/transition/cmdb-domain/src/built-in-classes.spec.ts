import { ITEM_CRITICALITIES } from '@itsm/contracts/transition';
import { attributeIssues } from './attribute-rules';
import { BUILT_IN_CI_CLASSES } from './built-in-classes';
import { criticalityOf } from './item-rules';

describe('the built-in classes', () => {
  it.each(BUILT_IN_CI_CLASSES.map((ciClass) => [ciClass.key, ciClass] as const))('%s takes an optional criticality on design\'s scale, which a change\'s risk reads', (_key, ciClass) => {
    expect(attributeIssues(ciClass, {})).toEqual([]);
    for (const criticality of ITEM_CRITICALITIES) {
      expect(attributeIssues(ciClass, { criticality })).toEqual([]);
      expect(criticalityOf({ criticality })).toBe(criticality);
    }
    expect(attributeIssues(ciClass, { criticality: 'extreme' }).map(({ field }) => field)).toEqual(['attributes.criticality']);
  });

  it('have fixed, distinct ids and keys', () => {
    expect(new Set(BUILT_IN_CI_CLASSES.map(({ id }) => id)).size).toBe(BUILT_IN_CI_CLASSES.length);
    expect(BUILT_IN_CI_CLASSES.map(({ key }) => key)).toEqual(['business_service', 'application', 'server', 'database', 'network_device']);
  });
});
