import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { IncidentNumberAllocator } from './persistence/incident-number.allocator';
import { IncidentRepository } from './persistence/incident.repository';
import { IncidentRecord, IncidentSchema } from './persistence/incident.schema';
import { NumberBlockRecord, NumberBlockSchema } from './persistence/number-block.schema';

/** The operation service's incident collections; shared by its intake and query roles, never by other services. */
@Module({
  imports: [
    MongooseModule.forFeature([
      { name: IncidentRecord.name, schema: IncidentSchema },
      { name: NumberBlockRecord.name, schema: NumberBlockSchema },
    ]),
  ],
  providers: [IncidentRepository, IncidentNumberAllocator],
  exports: [MongooseModule, IncidentRepository, IncidentNumberAllocator],
})
export class IncidentsPersistenceModule {}
