import { MoneyAmount } from '../messages/money-amount';
import { ExpectedVersion } from '../../http/expected-version';

/** Body of PUT /api/v1/finance/budgets/:serviceId/:period: without expectedVersion it sets a new budget (409 if one exists), with it it revises. */
export class SetBudgetRequest {
  @MoneyAmount()
  amount!: string;

  @ExpectedVersion({ optional: true })
  expectedVersion?: number;
}
