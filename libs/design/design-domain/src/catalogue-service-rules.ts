import { ValidationIssue } from '@itsm/contracts';
import { CatalogueState, ServiceDefinitionFieldsV1 } from '@itsm/contracts/design';

/** Rules across fields of a service definition that per-field validation cannot see. */
export function serviceDefinitionIssues(definition: ServiceDefinitionFieldsV1): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const repeated = (values: readonly string[]) => [...new Set(values.filter((value, index) => values.indexOf(value) !== index))];
  const offeringCodes = repeated(definition.offerings.map((offering) => offering.code));
  if (offeringCodes.length > 0) issues.push({ field: 'offerings', messages: [`offering codes must be unique: ${offeringCodes.join(', ')} repeated`] });
  const metrics = repeated(definition.capacityTargets.map((target) => target.metric));
  if (metrics.length > 0) issues.push({ field: 'capacityTargets', messages: [`one target per metric: ${metrics.join(', ')} repeated`] });
  return issues;
}

/** Why a service cannot be published now; empty when it can. */
export function publicationBlockers(service: ServiceDefinitionFieldsV1 & { state: CatalogueState }): string[] {
  if (service.state !== 'draft') return [`only a draft can be published; this service is ${service.state}`];
  const missing = (['supportGroup', 'criticality'] as const).filter((field) => service[field] === undefined);
  return missing.length > 0 ? [`set ${missing.join(' and ')} before publishing`] : [];
}
