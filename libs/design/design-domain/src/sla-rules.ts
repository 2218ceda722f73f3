import { ValidationIssue } from '@itsm/contracts';
import { SlaDefinitionFieldsV1 } from '@itsm/contracts/design';
import { slaConditionIssues } from '@itsm/sla-clock';

/** Rules across fields of an SLA definition that per-field validation cannot see. */
export function slaDefinitionIssues(sla: SlaDefinitionFieldsV1): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const thresholds = sla.warningThresholds;
  if (thresholds.some((value, index) => value <= (thresholds[index - 1] ?? -Infinity))) {
    issues.push({ field: 'warningThresholds', messages: ['warningThresholds must be in ascending order'] });
  }
  const { responseMinutes, resolutionMinutes } = sla.targets;
  if (responseMinutes !== undefined && responseMinutes >= resolutionMinutes) {
    issues.push({ field: 'targets.responseMinutes', messages: ['the response target must be shorter than the resolution target'] });
  }
  // The conditions are read as the SLA clock reads them, so a definition design accepts is one the clock can run.
  for (const issue of slaConditionIssues(sla.conditions)) issues.push({ field: `conditions.${issue.field}`, messages: issue.messages });
  return issues;
}
