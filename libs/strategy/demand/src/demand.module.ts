import { PortfolioModule } from '@itsm/strategy/portfolio';
import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { DemandController } from './demand.controller';
import { DemandRecord, DemandSchema } from './demand.schema';
import { DemandRepository } from './demand.repository';
import { ManageDemand } from './manage-demand.use-case';

/** Demand management: business demands, their assessment and approval, linked to portfolio services. Needs MessagingModule and PersistenceModule. */
@Module({
  imports: [MongooseModule.forFeature([{ name: DemandRecord.name, schema: DemandSchema }]), PortfolioModule],
  controllers: [DemandController],
  providers: [DemandRepository, ManageDemand],
  exports: [DemandRepository],
})
export class DemandModule {}
