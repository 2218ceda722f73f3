import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { IncidentNumberAllocator } from './persistence/incident-number.allocator';
import { IncidentRepository } from './persistence/incident.repository';
import { IncidentRecord, IncidentSchema } from './persistence/incident.schema';
import { IntakeRejectionRepository } from './persistence/intake-rejection.repository';
import { IntakeRejectionRecord, IntakeRejectionSchema } from './persistence/intake-rejection.schema';
import { NumberBlockRecord, NumberBlockSchema } from './persistence/number-block.schema';
import { MajorIncidentRecord, MajorIncidentSchema } from './persistence/major-incident.schema';
import { SlaFiringRecord, SlaFiringSchema } from './persistence/sla-firing.schema';

/** The operation service's incident collections (and its rejected reports); shared by its intake and query roles, never by other services. */
@Module({
  imports: [
    MongooseModule.forFeature([
      { name: IncidentRecord.name, schema: IncidentSchema },
      { name: NumberBlockRecord.name, schema: NumberBlockSchema },
      { name: IntakeRejectionRecord.name, schema: IntakeRejectionSchema },
      { name: MajorIncidentRecord.name, schema: MajorIncidentSchema },
      { name: SlaFiringRecord.name, schema: SlaFiringSchema },
    ]),
  ],
  providers: [IncidentRepository, IncidentNumberAllocator, IntakeRejectionRepository],
  exports: [MongooseModule, IncidentRepository, IncidentNumberAllocator, IntakeRejectionRepository],
})
export class IncidentsPersistenceModule {}
