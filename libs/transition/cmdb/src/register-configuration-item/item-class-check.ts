import { RuleViolationError, ValidationIssue } from '@itsm/contracts';
import { ConfigurationItemFieldsV1 } from '@itsm/contracts/transition';
import { attributeIssues } from '@itsm/transition/cmdb-domain';
import { StoredCiClass } from '../persistence/ci-class.repository';

/** What is wrong with an item for its class: a class that does not exist, or attributes that do not fit it (`attributeIssues`). */
export function itemClassIssues(ciClass: StoredCiClass | null | undefined, fields: ConfigurationItemFieldsV1): ValidationIssue[] {
  if (!ciClass) return [{ field: 'classKey', messages: [`there is no CI class ${fields.classKey}`] }];
  return attributeIssues(ciClass, fields.attributes);
}

/** 400 naming each issue, when there are any. */
export function refuseIssues(issues: readonly ValidationIssue[]): void {
  if (issues.length > 0) throw new RuleViolationError([...issues]);
}
