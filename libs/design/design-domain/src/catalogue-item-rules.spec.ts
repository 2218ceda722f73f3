import { CatalogueItemFieldsV1 } from '@itsm/contracts/design';
import { catalogueItemIssues, searchTextOf, searchWords } from './catalogue-item-rules';

const laptop: CatalogueItemFieldsV1 = {
  serviceId: '01a20e2a-fed4-7197-a433-736b13a7a69e',
  name: 'New laptop',
  description: 'A standard laptop with docking station',
  category: 'Hardware',
  keywords: ['notebook', 'PC'],
  form: [
    { key: 'model', label: 'Model', type: 'choice', required: true, allowedValues: ['14 inch', '16 inch'] },
    { key: 'quantity', label: 'Quantity', type: 'number', required: true, min: 1, max: 5 },
    { key: 'justification', label: 'Why', type: 'textarea', required: false, maxLength: 2_000 },
  ],
  approvals: [{ approver: 'manager' }, { approver: 'group', ref: 'it-procurement' }],
  fulfilmentGroup: 'desktop-support',
  deliveryTargetMinutes: 2_400,
  active: true,
};

describe('catalogue item rules', () => {
  it('accepts a coherent item', () => {
    expect(catalogueItemIssues(laptop)).toEqual([]);
  });

  it.each([
    ['a repeated form key', { form: [...laptop.form, { key: 'model', label: 'Again', type: 'text', required: false }] }, 'form.3.key'],
    ['a choice without allowed values', { form: [{ key: 'size', label: 'Size', type: 'multi_choice', required: true }] }, 'form.0.allowedValues'],
    ['allowed values on a text field', { form: [{ key: 'note', label: 'Note', type: 'text', required: false, allowedValues: ['a'] }] }, 'form.0.allowedValues'],
    ['bounds on a date field', { form: [{ key: 'when', label: 'When', type: 'date', required: true, min: 1 }] }, 'form.0.min'],
    ['max below min', { form: [{ key: 'n', label: 'N', type: 'number', required: true, min: 5, max: 1 }] }, 'form.0.max'],
    ['maxLength on a number', { form: [{ key: 'n', label: 'N', type: 'number', required: true, maxLength: 3 }] }, 'form.0.maxLength'],
    ['a user approval without the user', { approvals: [{ approver: 'user' }] }, 'approvals.0.ref'],
    ['a manager approval naming someone', { approvals: [{ approver: 'manager', ref: 'bob' }] }, 'approvals.0.ref'],
  ])('rejects %s', (_case, change, field) => {
    expect(catalogueItemIssues({ ...laptop, ...change } as unknown as CatalogueItemFieldsV1).map((issue) => issue.field)).toEqual([field]);
  });
});

describe('catalogue search text', () => {
  it('covers name, description, category and keywords, lower-cased', () => {
    expect(searchTextOf(laptop)).toBe('new laptop a standard laptop with docking station hardware notebook pc');
  });

  it('splits a query into at most ten lower-case words without surrounding punctuation', () => {
    expect(searchWords('  "Laptop",  DOCK… ')).toEqual(['laptop', 'dock']);
    expect(searchWords(undefined)).toEqual([]);
    expect(searchWords('a b c d e f g h i j k l')).toHaveLength(10);
  });
});
