import { NonEmptyText } from '../../validation/non-empty-text';

/** Body of POST /api/v1/portfolio/services/:id/charter and …/retire: the approver's reason, kept in the history. */
export class PortfolioDecisionRequest {
  @NonEmptyText(2_000)
  reason!: string;
}
