import { ExpectedVersion } from '../../http/expected-version';
import { ProblemReportFieldsV1 } from '../messages/problem-fields.v1';

/** Body of PUT /api/v1/problems/:id: the report's fields as they are to be (those left out are removed), while the problem is open. */
export class ReviseProblemRequest extends ProblemReportFieldsV1 {
  @ExpectedVersion()
  expectedVersion!: number;
}
