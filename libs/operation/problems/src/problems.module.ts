import { ConfigurationItemCatalogModule } from '@itsm/operation/configuration-items';
import { IncidentsPersistenceModule } from '@itsm/operation/incidents';
import { Module } from '@nestjs/common';
import { ChangeProblem } from './change-problem/change-problem.use-case';
import { ProblemLifecycleController } from './change-problem/problem-lifecycle.controller';
import { DefineKnownErrorController } from './define-known-error/define-known-error.controller';
import { DefineKnownError } from './define-known-error/define-known-error.use-case';
import { KnownErrorQueryController } from './known-error-query/known-error-query.controller';
import { ProblemQueryController } from './problem-query/problem-query.controller';
import { ProblemsPersistenceModule } from './problems-persistence.module';
import { ReportProblemController } from './report-problem/report-problem.controller';
import { ReportProblem } from './report-problem/report-problem.use-case';

/**
 * Problems and known errors over HTTP, called by the gateway (operation's query role): report, the
 * lifecycle, incident links, known errors and their search. Needs PersistenceModule, MessagingModule and
 * OutboxModule (every change writes its events to the outbox). What the changes do to incidents runs in
 * ProblemIncidentEffectsModule, from their events.
 */
@Module({
  imports: [ProblemsPersistenceModule, IncidentsPersistenceModule, ConfigurationItemCatalogModule],
  controllers: [ReportProblemController, ProblemLifecycleController, ProblemQueryController, DefineKnownErrorController, KnownErrorQueryController],
  providers: [ReportProblem, ChangeProblem, DefineKnownError],
})
export class ProblemsModule {}
