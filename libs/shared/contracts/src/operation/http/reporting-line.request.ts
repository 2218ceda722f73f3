import { ExpectedVersion } from '../../http/expected-version';
import { ReportingLineFieldsV1 } from '../messages/reporting-line-fields.v1';

/** PUT /api/v1/reporting-lines: who a user reports to; without `expectedVersion` it is set for the first time (409 when the user has one). */
export class DefineReportingLineRequest extends ReportingLineFieldsV1 {
  @ExpectedVersion({ optional: true })
  expectedVersion?: number;
}
