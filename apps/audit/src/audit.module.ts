import { AuditTrailModule } from '@itsm/audit/trail';
import { ListenerStatus } from '@itsm/messaging';
import { PersistenceModule } from '@itsm/persistence';
import { HealthModule, ReadinessCheck } from '@itsm/service-runtime';
import { DynamicModule, Module } from '@nestjs/common';
import { getConnectionToken } from '@nestjs/mongoose';
import { Connection } from 'mongoose';
import { AuditConfig } from './audit.config';

@Module({})
export class AuditModule {
  static forRoot(config: AuditConfig, listener: ListenerStatus): DynamicModule {
    return {
      module: AuditModule,
      imports: [
        PersistenceModule.forRoot({ uri: config.ITSM_MONGO_URL, dbName: config.ITSM_AUDIT_DB }),
        AuditTrailModule,
        HealthModule.forChecks({
          inject: [getConnectionToken()],
          useFactory: (connection: Connection): ReadinessCheck[] => [
            { name: 'database', isReady: () => connection.readyState === 1 },
            { name: 'event-listener', isReady: () => listener.isConsuming },
          ],
        }),
      ],
    };
  }
}
