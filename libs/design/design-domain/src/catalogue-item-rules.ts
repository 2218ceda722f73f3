import { ValidationIssue } from '@itsm/contracts';
import { CatalogueItemFieldsV1, FormFieldType } from '@itsm/contracts/design';

const CHOICE_TYPES: readonly FormFieldType[] = ['choice', 'multi_choice'];
const TEXT_TYPES: readonly FormFieldType[] = ['text', 'textarea'];

/** Rules across fields of a catalogue item (its form and approvals) that per-field validation cannot see. */
export function catalogueItemIssues(item: CatalogueItemFieldsV1): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const seen = new Set<string>();
  item.form.forEach((field, index) => {
    const at = `form.${index}`;
    if (seen.has(field.key)) issues.push({ field: `${at}.key`, messages: [`${field.key} is already the key of another form field`] });
    seen.add(field.key);
    const choice = CHOICE_TYPES.includes(field.type);
    if (choice && field.allowedValues === undefined) issues.push({ field: `${at}.allowedValues`, messages: [`a ${field.type} field needs allowedValues`] });
    if (!choice && field.allowedValues !== undefined) issues.push({ field: `${at}.allowedValues`, messages: ['allowedValues are for choice and multi_choice fields only'] });
    if (field.type !== 'number' && (field.min !== undefined || field.max !== undefined)) issues.push({ field: `${at}.min`, messages: ['min and max are for number fields only'] });
    if (field.min !== undefined && field.max !== undefined && field.min > field.max) issues.push({ field: `${at}.max`, messages: ['max must not be below min'] });
    if (!TEXT_TYPES.includes(field.type) && field.maxLength !== undefined) issues.push({ field: `${at}.maxLength`, messages: ['maxLength is for text and textarea fields only'] });
  });
  item.approvals.forEach((step, index) => {
    const named = step.approver === 'user' || step.approver === 'group';
    if (named && step.ref === undefined) issues.push({ field: `approvals.${index}.ref`, messages: [`an approval by a ${step.approver} needs ref (its ${step.approver === 'user' ? 'user id' : 'group name'})`] });
    if (!named && step.ref !== undefined) issues.push({ field: `approvals.${index}.ref`, messages: [`the ${step.approver.replace('_', ' ')} is found from the request; ref is not allowed`] });
  });
  return issues;
}

/** What the requesters' search matches against, lower-cased once at write time. */
export function searchTextOf(item: CatalogueItemFieldsV1): string {
  return [item.name, item.description, item.category, ...item.keywords].join(' ').toLowerCase();
}

/** The words of a search query, lower-cased; quotes and punctuation around words are ignored. */
export function searchWords(query: string | undefined): string[] {
  return (query ?? '')
    .toLowerCase()
    .split(/\s+/)
    .map((word) => word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter((word) => word.length > 0)
    .slice(0, 10);
}
