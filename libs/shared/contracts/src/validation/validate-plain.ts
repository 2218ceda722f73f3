import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { ValidationIssue, toValidationIssues } from './validation-issues';

export type Validated<T> = { ok: true; value: T } | { ok: false; issues: ValidationIssue[] };

export interface ValidatePlainOptions {
  /**
   * true (the default, for requests): an unknown property is an error.
   * false (for received messages): unknown properties are dropped, so a
   * producer may add optional fields within a version (tolerant reader).
   */
  forbidUnknown?: boolean;
}

/** Checks untrusted plain data against a class-validator class. */
export function validatePlain<T extends object>(
  target: new () => T,
  plain: unknown,
  { forbidUnknown = true }: ValidatePlainOptions = {},
): Validated<T> {
  if (typeof plain !== 'object' || plain === null || Array.isArray(plain)) {
    return { ok: false, issues: [{ field: '(root)', messages: ['must be a JSON object'] }] };
  }
  const instance = plainToInstance(target, plain);
  const errors = validateSync(instance, { whitelist: true, forbidNonWhitelisted: forbidUnknown });
  return errors.length === 0 ? { ok: true, value: instance } : { ok: false, issues: toValidationIssues(errors) };
}
