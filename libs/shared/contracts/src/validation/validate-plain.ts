import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { settleMissingValues } from './missing-values';
import { inspectUntrustedJson } from './untrusted-json';
import { cacheValidationMetadata } from './validation-metadata-cache';
import { ValidationIssue, mergeValidationIssues, toValidationIssues } from './validation-issues';

cacheValidationMetadata();

export type Validated<T> = { ok: true; value: T } | { ok: false; issues: ValidationIssue[] };

export interface ValidatePlainOptions {
  /**
   * true (the default, for requests): an unknown property is an error.
   * false (for received messages): unknown properties are dropped, so a
   * producer may add optional fields within a version (tolerant reader).
   */
  forbidUnknown?: boolean;
}

/**
 * Checks untrusted plain data (a request body or query, a received message's envelope and payload, the
 * environment) against a class-validator class: the one validation every input of the platform goes through,
 * so each rule below holds for every contract, nested objects included, and for every one added later.
 *
 * 1. The value is a JSON object, nested at most MAX_JSON_DEPTH levels, without prototype keys
 *    (`inspectUntrustedJson`); otherwise only that is reported, and nothing else touches the value.
 * 2. Every text obeys the text rule (`textRuleViolation`) and no key starts with `$` or contains `.`.
 * 3. The class's rules, in depth; an absent or `null` required field is reported once as required, an
 *    optional one sent as `null` is dropped (`settleMissingValues`).
 *
 * All issues of 2 and 3 come back together, one entry per field.
 */
export function validatePlain<T extends object>(
  target: new () => T,
  plain: unknown,
  { forbidUnknown = true }: ValidatePlainOptions = {},
): Validated<T> {
  if (typeof plain !== 'object' || plain === null || Array.isArray(plain)) {
    return { ok: false, issues: [{ field: '(root)', messages: ['must be a JSON object'] }] };
  }
  const inspection = inspectUntrustedJson(plain);
  if (inspection.unsafe.length > 0) return { ok: false, issues: inspection.unsafe };
  const instance = plainToInstance(target, plain);
  const errors = validateSync(instance, {
    whitelist: true,
    forbidNonWhitelisted: forbidUnknown,
    forbidUnknownValues: true,
    skipMissingProperties: true,
    validationError: { target: false, value: false },
  });
  const issues = mergeValidationIssues([...inspection.content, ...settleMissingValues(instance), ...toValidationIssues(errors)]);
  return issues.length === 0 ? { ok: true, value: instance } : { ok: false, issues };
}
