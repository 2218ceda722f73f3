/**
 * Every type of record the platform keeps, by the name access rules use for it. The subject of each
 * message is a record of one of these types (`MessageDefinition.recordType`), and `@itsm/access`
 * names the policy that governs reading each one (`RECORD_READ_POLICIES`, which must cover them all).
 */
export const RECORD_TYPES = [
  'incident',
  'calendar',
  'service-level',
  'catalogue-service',
  'catalogue-item',
  'portfolio-service',
  'demand',
  'cost-model',
  'budget',
  'cost-entry',
  'consumption',
  'assignment-group',
  'routing-rule',
  'problem',
  'known-error',
  'major-incident',
  'ci-class',
  'configuration-item',
  'ci-relationship',
  // Change enablement (transition): change requests, standard-change templates, the CAB and ECAB, the calendar's windows, releases.
  'change',
  'change-template',
  'change-board',
  'freeze-window',
  'maintenance-window',
  'release',
  'request',
  'reporting-line',
  'alert',
  'alert-rule',
  'alert-source',
] as const;
export type RecordType = (typeof RECORD_TYPES)[number];

export function isRecordType(value: unknown): value is RecordType {
  return typeof value === 'string' && (RECORD_TYPES as readonly string[]).includes(value);
}
