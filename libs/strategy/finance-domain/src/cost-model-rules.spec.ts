import { CostItemV1 } from '@itsm/contracts/strategy';
import { costModelIssues, domainCostItem, storedCostItem, unitOf } from './cost-model-rules';

const licences: CostItemV1 = { name: 'Licences', category: 'software', kind: 'per_unit', rate: '4.5', unit: 'mailbox' };
const platform: CostItemV1 = { name: 'Platform', category: 'hardware', kind: 'fixed', amount: '3000', per: 'quarter' };

describe('cost model rules', () => {
  it('accepts fixed and per-unit items counting one unit', () => {
    expect(costModelIssues([platform, licences, { ...licences, name: 'Support', category: 'labour', rate: '1.25' }])).toEqual([]);
  });

  it.each([
    ['a fixed item without per', [{ ...platform, per: undefined }], ['items.0.per']],
    ['a fixed item without amount', [{ ...platform, amount: undefined }], ['items.0.amount']],
    ['a fixed item with a rate and unit', [{ ...platform, rate: '1', unit: 'user' }], ['items.0.rate', 'items.0.unit']],
    ['a per-unit item without rate or unit', [{ ...licences, rate: undefined, unit: undefined }], ['items.0.rate', 'items.0.unit']],
    ['a per-unit item with amount and per', [{ ...licences, amount: '1', per: 'month' }], ['items.0.amount', 'items.0.per']],
    ['per-unit items counting different units', [licences, { ...licences, name: 'Storage', unit: 'GB' }], ['items.1.unit']],
    ['a repeated name', [platform, { ...platform }], ['items.1.name']],
  ] as Array<[string, CostItemV1[], string[]]>)('rejects %s, naming the field', (_case, items, fields) => {
    expect(costModelIssues(items).map((issue) => issue.field)).toEqual(fields);
  });

  it('stores only the fields of the kind, amounts with two decimals, and converts them to cents', () => {
    expect(storedCostItem(platform, 0)).toEqual({ name: 'Platform', category: 'hardware', kind: 'fixed', amount: '3000.00', per: 'quarter' });
    expect(storedCostItem(licences, 1)).toEqual({ name: 'Licences', category: 'software', kind: 'per_unit', rate: '4.50', unit: 'mailbox' });
    expect(domainCostItem(storedCostItem(platform, 0))).toEqual({ name: 'Platform', category: 'hardware', kind: 'fixed', amountCents: 300_000, per: 'quarter' });
    expect(domainCostItem(storedCostItem(licences, 1))).toEqual({ name: 'Licences', category: 'software', kind: 'per_unit', rateCents: 450, unit: 'mailbox' });
    expect(unitOf([platform, licences])).toBe('mailbox');
    expect(unitOf([platform])).toBeUndefined();
  });
});
