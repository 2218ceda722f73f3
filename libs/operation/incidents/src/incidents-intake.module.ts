import { Module } from '@nestjs/common';
import { IncidentsPersistenceModule } from './incidents-persistence.module';
import { incidentOutboxRelayProvider } from './register-incident/incident-outbox-relay.provider';
import { RegisterIncidentListener } from './register-incident/register-incident.listener';
import { RegisterIncident } from './register-incident/register-incident.use-case';

/** Intake role: consumes the intake queue and publishes incident events through the outbox. */
@Module({
  imports: [IncidentsPersistenceModule],
  controllers: [RegisterIncidentListener],
  providers: [RegisterIncident, incidentOutboxRelayProvider],
  exports: [RegisterIncident],
})
export class IncidentsIntakeModule {}
