import { PortfolioModule } from '@itsm/strategy/portfolio';
import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { DemandQueryController } from './demand-query/demand-query.controller';
import { ManageDemandController } from './manage-demand/manage-demand.controller';
import { ManageDemand } from './manage-demand/manage-demand.use-case';
import { DemandRepository } from './persistence/demand.repository';
import { DemandRecord, DemandSchema } from './persistence/demand.schema';

/** Demand management: business demands, their assessment and approval, linked to portfolio services. Needs MessagingModule and PersistenceModule. */
@Module({
  imports: [MongooseModule.forFeature([{ name: DemandRecord.name, schema: DemandSchema }]), PortfolioModule],
  controllers: [ManageDemandController, DemandQueryController],
  providers: [DemandRepository, ManageDemand],
  exports: [DemandRepository],
})
export class DemandModule {}
