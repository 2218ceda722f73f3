import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { ASSIGNMENT_MODELS } from './persistence/assignment-models';
import { RoutingTableLookup } from './persistence/routing-table.lookup';
import { RouteIncident } from './route-incident/route-incident.use-case';

/** RouteIncident for intake: which assignment group a new incident goes to. Read-only; needs PersistenceModule. */
@Module({
  imports: [MongooseModule.forFeature(ASSIGNMENT_MODELS)],
  providers: [RoutingTableLookup, RouteIncident],
  exports: [RouteIncident],
})
export class IncidentRoutingModule {}
