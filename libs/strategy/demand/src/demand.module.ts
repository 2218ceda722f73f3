import { PortfolioModule } from '@itsm/strategy/portfolio';
import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { DemandController } from './manage-demand/manage-demand.controller';
import { DemandRecord, DemandSchema } from './persistence/demand.schema';
import { DemandRepository } from './persistence/demand.repository';
import { ManageDemand } from './manage-demand/manage-demand.use-case';

/** Demand management: business demands, their assessment and approval, linked to portfolio services. Needs MessagingModule and PersistenceModule. */
@Module({
  imports: [MongooseModule.forFeature([{ name: DemandRecord.name, schema: DemandSchema }]), PortfolioModule],
  controllers: [DemandController],
  providers: [DemandRepository, ManageDemand],
  exports: [DemandRepository],
})
export class DemandModule {}
