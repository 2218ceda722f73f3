import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { ManagePortfolio } from './manage-portfolio/manage-portfolio.use-case';
import { PortfolioServiceRecord, PortfolioServiceSchema } from './persistence/portfolio-service.schema';
import { PortfolioController } from './manage-portfolio/manage-portfolio.controller';
import { PortfolioRepository } from './persistence/portfolio.repository';

/** The service portfolio: proposals, charters and retirements. Needs MessagingModule and PersistenceModule. */
@Module({
  imports: [MongooseModule.forFeature([{ name: PortfolioServiceRecord.name, schema: PortfolioServiceSchema }])],
  controllers: [PortfolioController],
  providers: [PortfolioRepository, ManagePortfolio],
  exports: [PortfolioRepository],
})
export class PortfolioModule {}
