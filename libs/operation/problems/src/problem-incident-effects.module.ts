import { ConfigurationItemCatalogModule } from '@itsm/operation/configuration-items';
import { IncidentLifecycleOptions, IncidentsLifecycleModule, IncidentsPersistenceModule } from '@itsm/operation/incidents';
import { DynamicModule, Module } from '@nestjs/common';
import { ChangeProblem } from './change-problem/change-problem.use-case';
import { ProblemEffectsListener } from './problem-incident-effects/problem-effects.listener';
import { ProblemIncidentEffects } from './problem-incident-effects/problem-incident-effects.use-case';
import { ProblemsPersistenceModule } from './problems-persistence.module';

/**
 * Operation's consumer of its own problem events (PROBLEM_EFFECT_EVENT_TYPES on `itsm.operation.events`, the
 * intake role's queue): links and unlinks incidents, shares published workarounds, applies fixes, each
 * incident by its own change (ChangeIncident without routes or sweeps). Needs an AMQP listener on that queue,
 * OutboxModule and the SLA catalogue (ServiceLevelSyncModule).
 */
@Module({})
export class ProblemIncidentEffectsModule {
  static forRoot(lifecycle: IncidentLifecycleOptions): DynamicModule {
    return {
      module: ProblemIncidentEffectsModule,
      // ChangeProblem checks a revision's configuration items; the effects take back links only, but share its one decision path.
      imports: [ProblemsPersistenceModule, IncidentsPersistenceModule, ConfigurationItemCatalogModule, IncidentsLifecycleModule.changesOnly(lifecycle)],
      controllers: [ProblemEffectsListener],
      providers: [ProblemIncidentEffects, ChangeProblem],
    };
  }
}
