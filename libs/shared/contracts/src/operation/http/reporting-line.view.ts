import { NonEmptyText } from '../../validation/non-empty-text';
import { VersionedView } from '../../http/view-properties';
import { ReportingLineFieldsV1 } from '../messages/reporting-line-fields.v1';
import { REQUEST_LIMITS } from '../messages/request-vocabulary';

/** Who a user reports to, as the API shows it. */
export class ReportingLineView extends VersionedView(ReportingLineFieldsV1) {}

/** Query string of GET /api/v1/reporting-lines: the user whose line is read. */
export class ReportingLineQuery {
  @NonEmptyText(REQUEST_LIMITS.referenceMaxLength)
  userId!: string;
}
