import { IsInt, Min } from 'class-validator';
import { defineMessage } from '../../../messages/message-definition';
import { ReportingLineFieldsV1 } from '../reporting-line-fields.v1';

/** Event: who a user reports to was set or changed; carries the whole version. */
export class ReportingLineDefinedV1 extends ReportingLineFieldsV1 {
  @IsInt()
  @Min(1)
  version!: number;
}

export const REPORTING_LINE_DEFINED_V1 = defineMessage({
  type: 'itsm.operation.reporting-line.defined.v1',
  kind: 'event',
  recordType: 'reporting-line',
  payload: ReportingLineDefinedV1,
  summary: "Who a user reports to was set or changed (the manager who approves the user's requests where an item asks for it); carries the whole version.",
});
