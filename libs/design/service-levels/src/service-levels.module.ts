import { CalendarsModule } from '@itsm/design/calendars';
import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { DefineServiceLevel } from './define-service-level.use-case';
import { ServiceLevelsController } from './service-levels.controller';
import { ServiceLevelRepository } from './sla.repository';
import { ServiceLevelRecord, ServiceLevelSchema } from './sla.schema';

/** SLA, OLA and UC definitions on business calendars. */
@Module({
  imports: [MongooseModule.forFeature([{ name: ServiceLevelRecord.name, schema: ServiceLevelSchema }]), CalendarsModule],
  controllers: [ServiceLevelsController],
  providers: [ServiceLevelRepository, DefineServiceLevel],
  exports: [ServiceLevelRepository],
})
export class ServiceLevelsModule {}
