import { NonEmptyText } from '../../validation/non-empty-text';
import { REQUEST_LIMITS } from './request-vocabulary';

/** Who a user reports to (v1 of its shape): read when a request needs the requester's manager to approve. User ids are token subjects. */
export class ReportingLineFieldsV1 {
  @NonEmptyText(REQUEST_LIMITS.referenceMaxLength)
  userId!: string;

  @NonEmptyText(REQUEST_LIMITS.referenceMaxLength)
  managerId!: string;
}
