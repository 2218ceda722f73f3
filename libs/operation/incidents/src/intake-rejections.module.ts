import { Module } from '@nestjs/common';
import { IncidentsPersistenceModule } from './incidents-persistence.module';
import { IntakeRejectionWriteRepository } from './persistence/intake-rejection-write.repository';
import { IntakeRejectionListener } from './record-intake-rejection/intake-rejection.listener';
import { RecordIntakeRejection } from './record-intake-rejection/record-intake-rejection.use-case';

/**
 * Records each incident report parked on operation's dead-letter path as a rejection (410 with the reason, and
 * the rejected event). Every operation process that consumes from the broker imports it (intake and
 * alert-intake alike), because they share the service's one parking monitor queue and the broker hands a
 * parked report to any of them: a process without the handler would ack it unrecorded. Needs OutboxModule.
 */
@Module({
  imports: [IncidentsPersistenceModule],
  controllers: [IntakeRejectionListener],
  providers: [IntakeRejectionWriteRepository, RecordIntakeRejection],
  exports: [RecordIntakeRejection],
})
export class IntakeRejectionsModule {}
