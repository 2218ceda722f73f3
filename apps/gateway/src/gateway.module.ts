import { IncidentsApiModule } from '@itsm/gateway/incidents-api';
import { MessagePublisher, MessagingModule, incidentIntakeQueueSpec } from '@itsm/messaging';
import { HealthModule, ReadinessCheck } from '@itsm/service-runtime';
import { DynamicModule, Module } from '@nestjs/common';
import { GatewayConfig } from './gateway.config';

@Module({})
export class GatewayModule {
  static forRoot(config: GatewayConfig): DynamicModule {
    return {
      module: GatewayModule,
      imports: [
        MessagingModule.forRoot({ url: config.ITSM_AMQP_URL, name: 'gateway', publishesToQueues: [incidentIntakeQueueSpec()] }),
        IncidentsApiModule.forRoot({ operationQueryUrl: config.ITSM_OPERATION_QUERY_URL }),
        HealthModule.forChecks({
          inject: [MessagePublisher],
          useFactory: (publisher: MessagePublisher): ReadinessCheck[] => [{ name: 'broker', isReady: () => publisher.isReady }],
        }),
      ],
    };
  }
}
