import { CURRENCY_PATTERN } from '@itsm/contracts/strategy';
import { PortfolioModule } from '@itsm/strategy/portfolio';
import { DynamicModule, Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { FinanceQueryController } from './finance-query/finance-query.controller';
import { FINANCIALS_OPTIONS, FinancialsOptions } from './financials.options';
import { BudgetMonthRepository } from './persistence/budget-month.repository';
import { BudgetMonthRecord, BudgetMonthSchema } from './persistence/budget-month.schema';
import { BudgetRepository } from './persistence/budget.repository';
import { BudgetRecord, BudgetSchema } from './persistence/budget.schema';
import { ConsumptionRepository } from './persistence/consumption.repository';
import { ConsumptionRecord, ConsumptionSchema } from './persistence/consumption.schema';
import { CostEntryRepository } from './persistence/cost-entry.repository';
import { CostEntryRecord, CostEntrySchema } from './persistence/cost-entry.schema';
import { CostModelRepository } from './persistence/cost-model.repository';
import { CostModelRecord, CostModelSchema } from './persistence/cost-model.schema';
import { PortfolioLookup } from './persistence/portfolio.lookup';
import { RecordConsumptionController } from './record-consumption/record-consumption.controller';
import { RecordConsumption } from './record-consumption/record-consumption.use-case';
import { RecordCostController } from './record-cost/record-cost.controller';
import { RecordCost } from './record-cost/record-cost.use-case';
import { ReportBudgetVsActualController } from './report-budget-vs-actual/report-budget-vs-actual.controller';
import { ReportBudgetVsActual } from './report-budget-vs-actual/report-budget-vs-actual.use-case';
import { ReportChargebackController } from './report-chargeback/report-chargeback.controller';
import { ReportChargeback } from './report-chargeback/report-chargeback.use-case';
import { SetBudgetController } from './set-budget/set-budget.controller';
import { SetBudget } from './set-budget/set-budget.use-case';
import { SetCostModelController } from './set-cost-model/set-cost-model.controller';
import { SetCostModel } from './set-cost-model/set-cost-model.use-case';

/**
 * IT financial management of portfolio services: cost models, budgets, the
 * cost ledger, consumption, and the budget-vs-actual and chargeback reports.
 * Needs MessagingModule and PersistenceModule.
 */
@Module({})
export class FinancialsModule {
  static forRoot(options: FinancialsOptions): DynamicModule {
    if (!CURRENCY_PATTERN.test(options.currency)) throw new Error(`currency must be an ISO 4217 code such as EUR, got "${options.currency}"`);
    return {
      module: FinancialsModule,
      imports: [
        MongooseModule.forFeature([
          { name: CostModelRecord.name, schema: CostModelSchema },
          { name: BudgetRecord.name, schema: BudgetSchema },
          { name: BudgetMonthRecord.name, schema: BudgetMonthSchema },
          { name: CostEntryRecord.name, schema: CostEntrySchema },
          { name: ConsumptionRecord.name, schema: ConsumptionSchema },
        ]),
        PortfolioModule,
      ],
      controllers: [
        SetCostModelController,
        SetBudgetController,
        RecordCostController,
        RecordConsumptionController,
        ReportBudgetVsActualController,
        ReportChargebackController,
        FinanceQueryController,
      ],
      providers: [
        { provide: FINANCIALS_OPTIONS, useValue: { currency: options.currency } },
        PortfolioLookup,
        CostModelRepository,
        BudgetRepository,
        BudgetMonthRepository,
        CostEntryRepository,
        ConsumptionRepository,
        SetCostModel,
        SetBudget,
        RecordCost,
        RecordConsumption,
        ReportBudgetVsActual,
        ReportChargeback,
      ],
    };
  }
}
