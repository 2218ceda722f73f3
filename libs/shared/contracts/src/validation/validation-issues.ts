import { ValidationError } from 'class-validator';

/** One offending field, with a dotted path such as `data.impact`. */
export interface ValidationIssue {
  field: string;
  messages: string[];
}

/** Flattens class-validator's nested errors into one entry per offending field. */
export function toValidationIssues(errors: readonly ValidationError[], parentPath = ''): ValidationIssue[] {
  return errors.flatMap((error) => {
    const field = parentPath ? `${parentPath}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, messages: Object.values(error.constraints) }] : [];
    return [...own, ...toValidationIssues(error.children ?? [], field)];
  });
}

export function formatValidationIssues(issues: readonly ValidationIssue[]): string {
  return issues.map((issue) => `${issue.field}: ${issue.messages.join('; ')}`).join(', ');
}

/** One entry per field, in the order fields first appear, with each field's distinct messages. */
export function mergeValidationIssues(issues: readonly ValidationIssue[]): ValidationIssue[] {
  const byField = new Map<string, string[]>();
  for (const { field, messages } of issues) {
    const merged = byField.get(field) ?? [];
    for (const message of messages) if (!merged.includes(message)) merged.push(message);
    byField.set(field, merged);
  }
  return [...byField].map(([field, messages]) => ({ field, messages }));
}
