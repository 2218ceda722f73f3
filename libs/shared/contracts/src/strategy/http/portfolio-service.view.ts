import { Type } from 'class-transformer';
import { IsIn, ValidateNested } from 'class-validator';
import { PORTFOLIO_STATES, PortfolioServiceFieldsV1, PortfolioState, PortfolioStepV1 } from '../messages/portfolio-service-fields.v1';
import { RecordIdProperty, VersionedView } from '../../http/view-properties';

/** A portfolio service as the API shows it, with every approved step. */
export class PortfolioServiceView extends VersionedView(PortfolioServiceFieldsV1) {
  @RecordIdProperty()
  id!: string;

  @IsIn(PORTFOLIO_STATES)
  state!: PortfolioState;

  /** Every approved step, oldest first. */
  @ValidateNested({ each: true })
  @Type(() => PortfolioStepV1)
  history!: PortfolioStepV1[];
}
