import { MetadataStorage, ValidationTypes, getMetadataStorage } from 'class-validator';
import { ValidationIssue } from './validation-issues';

/**
 * The rule for absent values, applied to an instance class-transformer made from untrusted data (which
 * class-validator then checks with `skipMissingProperties`, so an absent value gets no misleading
 * "must be shorter than 200 characters" or "must contain no more than 50 elements"):
 *
 * - a property that must be validated (no `@IsOptional()`, or a `@ValidateIf()` that applies) and is
 *   absent or `null` is reported once, `<field> is required` — unless it declares `@IsDefined()` with a
 *   message of its own, which class-validator reports instead;
 * - an optional property sent as `null` is treated as absent: it is removed, so `null` is never stored,
 *   passed on or answered where the contract says string, number or object;
 * - the same, in depth, in every nested object (`@ValidateNested()`), where an element of a list of
 *   objects may not be `null` either.
 *
 * Returns the issues, with fields named as class-validator names them (`conditions.start`, `items.0.rate`).
 */
export function settleMissingValues(instance: object): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  settle(instance, '', issues);
  return issues;
}

type ValidationMetadata = ReturnType<MetadataStorage['getTargetValidationMetadatas']>[number];

function settle(node: object, path: string, issues: ValidationIssue[]): void {
  const storage = getMetadataStorage();
  const byProperty = storage.groupByPropertyName(storage.getTargetValidationMetadatas(node.constructor, '', false, false));
  const record = node as Record<string, unknown>;
  for (const [property, metadatas] of Object.entries(byProperty)) {
    const field = path ? `${path}.${property}` : property;
    const value = record[property];
    if (value === undefined || value === null) {
      if (!appliesTo(metadatas, node, value)) {
        if (value === null) delete record[property];
      } else if (!metadatas.some((metadata) => metadata.type === ValidationTypes.IS_DEFINED)) {
        issues.push({ field, messages: [`${field} is required`] });
      }
    } else if (metadatas.some((metadata) => metadata.type === ValidationTypes.NESTED_VALIDATION)) {
      settleNested(value, field, issues);
    }
  }
}

/** Whether the property's conditions (`@IsOptional()`, `@ValidateIf()`) let its validators run for this value. */
function appliesTo(metadatas: readonly ValidationMetadata[], node: object, value: unknown): boolean {
  return metadatas
    .filter((metadata) => metadata.type === ValidationTypes.CONDITIONAL_VALIDATION)
    .every((metadata) => (metadata.constraints[0] as (object: object, value: unknown) => boolean)(node, value));
}

function settleNested(value: unknown, field: string, issues: ValidationIssue[]): void {
  if (Array.isArray(value)) {
    value.forEach((element: unknown, index) => {
      if (element === undefined || element === null) issues.push({ field: `${field}.${index}`, messages: [`${field}.${index} must be an object, not null`] });
      else settleNested(element, `${field}.${index}`, issues);
    });
  } else if (typeof value === 'object' && value !== null) {
    // Only instances of contract classes are walked; class-validator reports anything else in their place.
    settle(value, field, issues);
  }
}
