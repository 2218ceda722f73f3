import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { ManagePortfolio } from './manage-portfolio.use-case';
import { PortfolioServiceRecord, PortfolioServiceSchema } from './portfolio-service.schema';
import { PortfolioController } from './portfolio.controller';
import { PortfolioRepository } from './portfolio.repository';

/** The service portfolio: proposals, charters and retirements. Needs MessagingModule and PersistenceModule. */
@Module({
  imports: [MongooseModule.forFeature([{ name: PortfolioServiceRecord.name, schema: PortfolioServiceSchema }])],
  controllers: [PortfolioController],
  providers: [PortfolioRepository, ManagePortfolio],
  exports: [PortfolioRepository],
})
export class PortfolioModule {}
