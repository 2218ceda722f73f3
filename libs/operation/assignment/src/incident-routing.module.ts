import { DynamicModule, Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { ASSIGNMENT_MODELS } from './persistence/assignment-models';
import { RoutingTableLookup } from './persistence/routing-table.lookup';
import { ROUTING_TABLE_TTL_MS, RouteIncident } from './route-incident/route-incident.use-case';

/**
 * RouteIncident for intake: which assignment group a new incident goes to. Read-only; needs PersistenceModule.
 * Imported as is, it routes with a table at most DEFAULT_ROUTING_TABLE_TTL_MS old.
 */
@Module({
  imports: [MongooseModule.forFeature(ASSIGNMENT_MODELS)],
  providers: [RoutingTableLookup, RouteIncident],
  exports: [RouteIncident],
})
export class IncidentRoutingModule {
  /** Routing with a table at most `tableTtlMs` old (0: read on every incident, as a test that changes rules between incidents needs). */
  static withTableTtl(tableTtlMs: number): DynamicModule {
    return { module: IncidentRoutingModule, providers: [{ provide: ROUTING_TABLE_TTL_MS, useValue: tableTtlMs }] };
  }
}
