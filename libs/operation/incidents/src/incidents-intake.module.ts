import { Module } from '@nestjs/common';
import { IncidentsPersistenceModule } from './incidents-persistence.module';
import { IncidentWriteRepository } from './persistence/incident-write.repository';
import { RegisterIncidentListener } from './register-incident/register-incident.listener';
import { RegisterIncident } from './register-incident/register-incident.use-case';

/** Intake role: consumes the intake queue and publishes incident events through the outbox. Needs OutboxModule. */
@Module({
  imports: [IncidentsPersistenceModule],
  controllers: [RegisterIncidentListener],
  providers: [IncidentWriteRepository, RegisterIncident],
  exports: [RegisterIncident],
})
export class IncidentsIntakeModule {}
