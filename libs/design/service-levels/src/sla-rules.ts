import { SlaDefinitionFieldsV1, ValidationIssue } from '@itsm/contracts';

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
  const { start, pause, resume, stop } = sla.conditions;
  const overlapping = (name: string, a: readonly string[], b: readonly string[], other: string) => {
    const shared = a.filter((state) => b.includes(state));
    if (shared.length > 0) issues.push({ field: `conditions.${name}`, messages: [`${shared.join(', ')} cannot also be a ${other} state`] });
  };
  overlapping('start', start, stop, 'stop');
  overlapping('pause', pause, stop, 'stop');
  overlapping('resume', resume, pause, 'pause');
  return issues;
}
