import { ProblemReportFieldsV1 } from '../messages/problem-fields.v1';

/** Body of POST /api/v1/problems: a new problem (New); its number and priority are assigned. */
export class ReportProblemRequest extends ProblemReportFieldsV1 {}
