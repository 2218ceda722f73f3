import { SlaRecordType, SlaScopeV1 } from '@itsm/contracts/design';
import { Priority } from '@itsm/contracts/operation';

/** What a service level's scope is matched against: the record an SLA engine attaches clocks to. */
export interface ScopedRecord {
  recordType: SlaRecordType;
  priority: Priority;
  /** The affected service; a record without one matches only definitions that name no services. */
  serviceId?: string;
}

/**
 * Whether a definition's scope (design's `appliesTo`) covers a record: its record type, and its
 * priorities and services where it lists them (an absent list means all, as design documents it).
 */
export function scopeCovers(scope: SlaScopeV1, record: ScopedRecord): boolean {
  if (scope.recordType !== record.recordType) return false;
  if (scope.priorities !== undefined && !scope.priorities.includes(record.priority)) return false;
  if (scope.serviceIds !== undefined && (record.serviceId === undefined || !scope.serviceIds.includes(record.serviceId))) return false;
  return true;
}
