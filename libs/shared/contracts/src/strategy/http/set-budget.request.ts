import { Matches } from 'class-validator';
import { MONEY_MESSAGE, NON_NEGATIVE_MONEY_AMOUNT_PATTERN } from '../messages/amounts-and-periods';
import { ExpectedVersion } from '../../http/expected-version';

/** Body of PUT /api/v1/finance/budgets/:serviceId/:period: without expectedVersion it sets a new budget (409 if one exists), with it it revises. */
export class SetBudgetRequest {
  @Matches(NON_NEGATIVE_MONEY_AMOUNT_PATTERN, { message: `amount ${MONEY_MESSAGE}, not negative` })
  amount!: string;

  @ExpectedVersion({ optional: true })
  expectedVersion?: number;
}
