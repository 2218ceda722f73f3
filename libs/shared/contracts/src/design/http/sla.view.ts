import { IsInt, IsOptional, Min } from 'class-validator';
import { SlaDefinitionFieldsV1 } from '../messages/sla-definition-fields.v1';
import { RecordIdProperty, VersionedView } from '../../http/view-properties';

/** A service level (SLA, OLA or underpinning contract) as the API shows it. */
export class SlaView extends VersionedView(SlaDefinitionFieldsV1) {
  @RecordIdProperty()
  id!: string;

  /** The version of its business calendar when this version was defined; absent without a calendar. */
  @IsOptional()
  @IsInt()
  @Min(1)
  calendarVersion?: number;
}
