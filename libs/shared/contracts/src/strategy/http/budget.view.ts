import { Matches } from 'class-validator';
import { BUDGET_ID_PATTERN, FISCAL_PERIOD_PATTERN } from '../messages/financials-fields.v1';
import { RecordIdProperty, VersionedView } from '../../http/view-properties';
import { MoneyProperty } from './money.view-property';

/** A service's budget for one fiscal period; its id is `<serviceId>:<period>`. */
export class BudgetView extends VersionedView() {
  @Matches(BUDGET_ID_PATTERN)
  id!: string;

  @RecordIdProperty()
  serviceId!: string;

  @Matches(FISCAL_PERIOD_PATTERN)
  period!: string;

  @MoneyProperty()
  amount!: string;
}
