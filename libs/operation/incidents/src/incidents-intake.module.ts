import { IncidentRoutingModule, RouteIncident } from '@itsm/operation/assignment';
import { ConfigurationItemCatalogModule } from '@itsm/operation/configuration-items';
import { ServiceLevelCatalogModule } from '@itsm/operation/service-levels';
import { Module } from '@nestjs/common';
import { IncidentsPersistenceModule } from './incidents-persistence.module';
import { IncidentFieldsBackfill } from './persistence/incident-fields.backfill';
import { IncidentWriteRepository } from './persistence/incident-write.repository';
import { IntakeRejectionsModule } from './intake-rejections.module';
import { RegisterIncidentListener } from './register-incident/register-incident.listener';
import { RegisterIncident } from './register-incident/register-incident.use-case';
import { INCIDENT_ROUTER, IncidentRouter } from './register-incident/incident-router';

/**
 * Intake role: consumes the intake queue, records the reports it had to park as rejected (IntakeRejectionsModule), and publishes
 * incident events through the outbox; routes each new incident to the group the routing rules choose; gives incidents stored before list buckets existed theirs. Needs OutboxModule.
 */
@Module({
  imports: [IncidentsPersistenceModule, IntakeRejectionsModule, IncidentRoutingModule, ServiceLevelCatalogModule, ConfigurationItemCatalogModule],
  controllers: [RegisterIncidentListener],
  providers: [
    // New incidents go to the group the routing rules choose (the assignment library's query).
    { provide: INCIDENT_ROUTER, inject: [RouteIncident], useFactory: (routing: RouteIncident): IncidentRouter => ({ routedGroupId: (incident) => routing.routeIncident(incident) }) },
    IncidentWriteRepository,
    RegisterIncident, IncidentFieldsBackfill],
  exports: [RegisterIncident, IntakeRejectionsModule],
})
export class IncidentsIntakeModule {}
