import { CalendarsModule } from '@itsm/design/calendars';
import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { DefineServiceLevel } from './define-service-level/define-service-level.use-case';
import { DefineServiceLevelController } from './define-service-level/define-service-level.controller';
import { ServiceLevelRepository } from './persistence/service-level.repository';
import { ServiceLevelRecord, ServiceLevelSchema } from './persistence/service-level.schema';
import { ServiceLevelQueryController } from './service-level-query/service-level-query.controller';

/**
 * SLA, OLA and UC definitions on business calendars (their replay to a service that asks is the service
 * catalogue's, which depends on this library and sends the catalogue's services with them).
 */
@Module({
  imports: [MongooseModule.forFeature([{ name: ServiceLevelRecord.name, schema: ServiceLevelSchema }]), CalendarsModule],
  controllers: [DefineServiceLevelController, ServiceLevelQueryController],
  providers: [ServiceLevelRepository, DefineServiceLevel],
  exports: [ServiceLevelRepository],
})
export class ServiceLevelsModule {}
