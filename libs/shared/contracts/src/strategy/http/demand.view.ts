import { DemandAssessmentV1, DemandDecisionV1, DemandFieldsV1, DemandState } from '../messages/demand-fields.v1';

/** A demand as the API shows it, with its assessment and decision once made. */
export type DemandView = DemandFieldsV1 & {
  id: string;
  version: number;
  state: DemandState;
  assessment?: DemandAssessmentV1;
  decision?: DemandDecisionV1;
  createdAt: string;
  updatedAt: string;
};
