import { IsIn } from 'class-validator';
import { NonEmptyText } from '../../validation/non-empty-text';
import { DEMAND_OUTCOMES, DemandOutcome } from '../messages/demand-fields.v1';

/** Body of POST /api/v1/demands/:id/decision; the caller is recorded as decider. */
export class DecideDemandRequest {
  @IsIn(DEMAND_OUTCOMES)
  outcome!: DemandOutcome;

  @NonEmptyText(2_000)
  reason!: string;
}
