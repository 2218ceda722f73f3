import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { ManagePortfolioController } from './manage-portfolio/manage-portfolio.controller';
import { ManagePortfolio } from './manage-portfolio/manage-portfolio.use-case';
import { PortfolioServiceRecord, PortfolioServiceSchema } from './persistence/portfolio-service.schema';
import { PortfolioRepository } from './persistence/portfolio.repository';
import { PortfolioQueryController } from './portfolio-query/portfolio-query.controller';

/** The service portfolio: proposals, charters and retirements. Needs MessagingModule and PersistenceModule. */
@Module({
  imports: [MongooseModule.forFeature([{ name: PortfolioServiceRecord.name, schema: PortfolioServiceSchema }])],
  controllers: [ManagePortfolioController, PortfolioQueryController],
  providers: [PortfolioRepository, ManagePortfolio],
  exports: [PortfolioRepository],
})
export class PortfolioModule {}
