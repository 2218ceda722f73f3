import { Type } from 'class-transformer';
import { IsIn, IsOptional, ValidateNested } from 'class-validator';
import { DEMAND_STATES, DemandAssessmentV1, DemandDecisionV1, DemandFieldsV1, DemandState } from '../messages/demand-fields.v1';
import { RecordIdProperty, VersionedView } from '../../http/view-properties';

/** A demand as the API shows it, with its assessment and decision once made. */
export class DemandView extends VersionedView(DemandFieldsV1) {
  @RecordIdProperty()
  id!: string;

  @IsIn(DEMAND_STATES)
  state!: DemandState;

  /** The latest assessment, once assessed (a re-assessment replaces it). */
  @IsOptional()
  @ValidateNested()
  @Type(() => DemandAssessmentV1)
  assessment?: DemandAssessmentV1;

  /** The approval or rejection, once decided. */
  @IsOptional()
  @ValidateNested()
  @Type(() => DemandDecisionV1)
  decision?: DemandDecisionV1;
}
