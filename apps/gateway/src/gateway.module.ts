import { AlertsApiModule } from '@itsm/gateway/alerts-api';
import { AssignmentApiModule } from '@itsm/gateway/assignment-api';
import { AuditApiModule } from '@itsm/gateway/audit-api';
import { AuthModule, AuthOptions } from '@itsm/gateway/auth';
import { DesignApiModule } from '@itsm/gateway/design-api';
import { IdempotencyModule } from '@itsm/gateway/idempotency';
import { IncidentsApiModule } from '@itsm/gateway/incidents-api';
import { ProblemsApiModule } from '@itsm/gateway/problems-api';
import { RequestsApiModule } from '@itsm/gateway/requests-api';
import { StrategyApiModule } from '@itsm/gateway/strategy-api';
import { TransitionApiModule } from '@itsm/gateway/transition-api';
import { MessagePublisher, MessagingModule, alertIntakeQueueSpec, incidentIntakeQueueSpec } from '@itsm/messaging';
import { PersistenceModule } from '@itsm/persistence';
import { HealthModule, ReadinessCheck } from '@itsm/service-runtime';
import { DynamicModule, Module } from '@nestjs/common';
import { getConnectionToken } from '@nestjs/mongoose';
import { Connection } from 'mongoose';
import { GatewayConfig } from './gateway.config';

@Module({})
export class GatewayModule {
  static forRoot(config: GatewayConfig): DynamicModule {
    return {
      module: GatewayModule,
      imports: [
        AuthModule.forRoot(authOptions(config)),
        PersistenceModule.forRoot({ uri: config.ITSM_MONGO_URL, dbName: config.ITSM_GATEWAY_DB }),
        IdempotencyModule,
        MessagingModule.forRoot({ url: config.ITSM_AMQP_URL, name: 'gateway', publishesToQueues: [incidentIntakeQueueSpec(), alertIntakeQueueSpec()] }),
        IncidentsApiModule.forRoot({ operationQueryUrl: config.ITSM_OPERATION_QUERY_URL }),
        AssignmentApiModule.forRoot({ operationQueryUrl: config.ITSM_OPERATION_QUERY_URL }),
        ProblemsApiModule.forRoot({ operationQueryUrl: config.ITSM_OPERATION_QUERY_URL }),
        RequestsApiModule.forRoot({ operationQueryUrl: config.ITSM_OPERATION_QUERY_URL }),
        AlertsApiModule.forRoot({ operationQueryUrl: config.ITSM_OPERATION_QUERY_URL }),
        AuditApiModule.forRoot({ auditQueryUrl: config.ITSM_AUDIT_QUERY_URL }),
        DesignApiModule.forRoot({ designUrl: config.ITSM_DESIGN_URL }),
        StrategyApiModule.forRoot({ strategyUrl: config.ITSM_STRATEGY_URL }),
        TransitionApiModule.forRoot({ transitionUrl: config.ITSM_TRANSITION_URL }),
        HealthModule.forChecks({
          inject: [MessagePublisher, getConnectionToken()],
          useFactory: (publisher: MessagePublisher, database: Connection): ReadinessCheck[] => [
            { name: 'broker', isReady: () => publisher.isReady },
            { name: 'database', isReady: () => database.readyState === 1 },
          ],
        }),
      ],
    };
  }
}

function authOptions(config: GatewayConfig): AuthOptions {
  const claims = {
    rolesClaim: config.ITSM_OIDC_ROLES_CLAIM,
    groupsClaim: config.ITSM_OIDC_GROUPS_CLAIM,
    requestsPerUserPerMinute: config.ITSM_RATE_LIMIT_PER_USER,
    internalTokenSecret: config.ITSM_INTERNAL_TOKEN_SECRET,
    // Alert sources' credentials are checked against operation, which holds their hashes.
    alertSourcesUrl: config.ITSM_OPERATION_QUERY_URL,
  };
  if (config.ITSM_AUTH_MODE === 'dev') return { mode: 'dev', keyDirectory: config.ITSM_DEV_ISSUER_DIR, ...claims };
  return {
    mode: 'oidc',
    issuer: config.ITSM_OIDC_ISSUER,
    audience: config.ITSM_OIDC_AUDIENCE,
    ...(config.ITSM_OIDC_JWKS_URL ? { jwksUrl: config.ITSM_OIDC_JWKS_URL } : {}),
    ...claims,
  };
}
