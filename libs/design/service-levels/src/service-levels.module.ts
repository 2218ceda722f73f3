import { CalendarsModule } from '@itsm/design/calendars';
import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { DefineServiceLevel } from './define-service-level/define-service-level.use-case';
import { DefineServiceLevelController } from './define-service-level/define-service-level.controller';
import { ServiceLevelRepository } from './persistence/service-level.repository';
import { ServiceLevelRecord, ServiceLevelSchema } from './persistence/service-level.schema';
import { ReplayServiceLevelsListener } from './replay-service-levels/replay-service-levels.listener';
import { ReplayServiceLevels } from './replay-service-levels/replay-service-levels.use-case';
import { ServiceLevelQueryController } from './service-level-query/service-level-query.controller';

/**
 * SLA, OLA and UC definitions on business calendars, and the replay of the current calendars and
 * definitions to a service that asks (needs MessagingModule and an AMQP listener on serviceLevelReplayQueueSpec).
 */
@Module({
  imports: [MongooseModule.forFeature([{ name: ServiceLevelRecord.name, schema: ServiceLevelSchema }]), CalendarsModule],
  controllers: [DefineServiceLevelController, ServiceLevelQueryController, ReplayServiceLevelsListener],
  providers: [ServiceLevelRepository, DefineServiceLevel, ReplayServiceLevels],
  exports: [ServiceLevelRepository],
})
export class ServiceLevelsModule {}
