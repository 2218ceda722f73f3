import { ValidationIssue } from '@itsm/contracts';
import { AttributeDefinitionV1, AttributeValue, CiClassFieldsV1 } from '@itsm/contracts/transition';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const NUMBER_TEXT = /^-?(?:\d+|\d*\.\d+)(?:[eE][+-]?\d+)?$/;

/** Rules across the attributes of a class that per-field validation cannot see: unique names, values for enums only. */
export function ciClassIssues(fields: CiClassFieldsV1): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const seen = new Set<string>();
  fields.attributes.forEach((attribute, index) => {
    const at = `attributes.${index}`;
    if (seen.has(attribute.name)) issues.push({ field: `${at}.name`, messages: [`${attribute.name} is already the name of another attribute`] });
    seen.add(attribute.name);
    if (attribute.type === 'enum' && attribute.values === undefined) issues.push({ field: `${at}.values`, messages: ['an enum attribute needs values'] });
    if (attribute.type !== 'enum' && attribute.values !== undefined) issues.push({ field: `${at}.values`, messages: ['values are for enum attributes only'] });
  });
  return issues;
}

/**
 * What is wrong with an item's attribute values for its class (`attributes.<name>` per issue): a name
 * the class does not define, a value not of the attribute's type (an integer is a whole number, a date
 * a real calendar date `YYYY-MM-DD`, an enum one of its values), a required attribute missing.
 */
export function attributeIssues(ciClass: Pick<CiClassFieldsV1, 'key' | 'attributes'>, attributes: Readonly<Record<string, unknown>>): ValidationIssue[] {
  const byName = new Map(ciClass.attributes.map((attribute) => [attribute.name, attribute]));
  const issues: ValidationIssue[] = [];
  for (const [name, value] of Object.entries(attributes)) {
    const definition = byName.get(name);
    if (!definition) {
      issues.push({ field: `attributes.${name}`, messages: [`class ${ciClass.key} has no attribute ${name}`] });
      continue;
    }
    const problem = valueProblem(definition, value);
    if (problem) issues.push({ field: `attributes.${name}`, messages: [problem] });
  }
  for (const definition of ciClass.attributes) {
    if (definition.required && !(definition.name in attributes)) issues.push({ field: `attributes.${definition.name}`, messages: [`class ${ciClass.key} requires ${definition.name}`] });
  }
  return issues;
}

function valueProblem(definition: AttributeDefinitionV1, value: unknown): string | undefined {
  switch (definition.type) {
    case 'string':
      return typeof value === 'string' && value.length <= 2_000 ? undefined : 'must be a string of at most 2000 characters';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? undefined : 'must be a number';
    case 'integer':
      return Number.isSafeInteger(value) ? undefined : 'must be a whole number';
    case 'boolean':
      return typeof value === 'boolean' ? undefined : 'must be true or false';
    case 'date':
      return typeof value === 'string' && isCalendarDate(value) ? undefined : 'must be a date YYYY-MM-DD';
    case 'enum':
      return typeof value === 'string' && (definition.values ?? []).includes(value) ? undefined : `must be one of ${(definition.values ?? []).join(', ')}`;
  }
}

function isCalendarDate(text: string): boolean {
  if (!DATE.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}

/**
 * Attribute values read from text (a CSV import's `attr.<name>` cells) by the types the class gives
 * them: numbers and integers parsed, `true`/`false` for booleans, the rest kept as text; an empty cell
 * is no value. What cannot be read stays text, so `attributeIssues` names the problem.
 */
export function attributesFromText(ciClass: Pick<CiClassFieldsV1, 'attributes'>, texts: Readonly<Record<string, string>>): Record<string, AttributeValue> {
  const byName = new Map(ciClass.attributes.map((attribute) => [attribute.name, attribute]));
  const values: Record<string, AttributeValue> = {};
  for (const [name, text] of Object.entries(texts)) {
    if (text === '') continue;
    const type = byName.get(name)?.type;
    if ((type === 'number' || type === 'integer') && NUMBER_TEXT.test(text.trim())) values[name] = Number(text.trim());
    else if (type === 'boolean' && (text === 'true' || text === 'false')) values[name] = text === 'true';
    else values[name] = text;
  }
  return values;
}
