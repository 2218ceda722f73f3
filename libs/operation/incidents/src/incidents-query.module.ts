import { ConfigurationItemCatalogModule } from '@itsm/operation/configuration-items';
import { ServiceLevelCatalogModule } from '@itsm/operation/service-levels';
import { Module } from '@nestjs/common';
import { IncidentQueryController } from './incident-query/incident-query.controller';
import { IncidentsPersistenceModule } from './incidents-persistence.module';

/** Query role: answers the gateway's reads over HTTP (with SLA clocks read on operation's copy of design's calendars; CI filters resolved on its copy of the CMDB). */
@Module({
  imports: [IncidentsPersistenceModule, ServiceLevelCatalogModule, ConfigurationItemCatalogModule],
  controllers: [IncidentQueryController],
})
export class IncidentsQueryModule {}
