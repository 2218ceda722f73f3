import { Module } from '@nestjs/common';
import { IncidentQueryController } from './incident-query/incident-query.controller';
import { IncidentsPersistenceModule } from './incidents-persistence.module';

/** Query role: answers the gateway's reads over HTTP. */
@Module({
  imports: [IncidentsPersistenceModule],
  controllers: [IncidentQueryController],
})
export class IncidentsQueryModule {}
