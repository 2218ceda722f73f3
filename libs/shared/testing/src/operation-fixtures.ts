import { CloudEvent, Principal, createCloudEvent, uuidV7 } from '@itsm/contracts';
import { REGISTER_INCIDENT_V1, RegisterIncidentV1 } from '@itsm/contracts/operation';
import { CONFIGURATION_ITEM_REGISTERED_V1, CONFIGURATION_ITEM_REVISED_V1, CiLifecycleState, ConfigurationItemVersionV1 } from '@itsm/contracts/transition';
import { TEST_INTERNAL_TOKEN_SECRET } from './app-process';
import { testServers } from './test-servers';

/** Sweep periods long enough that the auto-close and SLA sweeps run only when a test runs them. */
export const SWEEPS_ONLY_WHEN_RUN = { ITSM_INCIDENT_AUTO_CLOSE_SWEEP_SECONDS: '3600', ITSM_SLA_SWEEP_SECONDS: '3600' } as const;

/**
 * The environment of an operation app in one process with the intake and query roles, on the test servers and
 * `dbName`, warnings and worse logged, the tests' internal token secret; `overrides` win. For `loadConfig(OperationConfig, …)`.
 */
export function operationTestEnv(dbName: string, overrides: Record<string, string> = {}): Record<string, string> {
  const { amqpUrl, mongoUrl } = testServers();
  return {
    ITSM_AMQP_URL: amqpUrl,
    ITSM_MONGO_URL: mongoUrl,
    ITSM_OPERATION_DB: dbName,
    ITSM_OPERATION_ROLES: 'intake,query',
    ITSM_LOG_LEVEL: 'warn',
    ITSM_INTERNAL_TOKEN_SECRET: TEST_INTERNAL_TOKEN_SECRET,
    ...overrides,
  };
}

/** An incident report by `caller` as the gateway sends it to intake (a new incident id), impact and urgency 2 and reported now unless given. */
export function registerIncidentCommand(caller: Principal, title: string, fields: Partial<Pick<RegisterIncidentV1, 'impact' | 'urgency' | 'configurationItemId' | 'reportedAt'>> = {}): CloudEvent<RegisterIncidentV1> {
  const incidentId = uuidV7();
  return createCloudEvent(
    REGISTER_INCIDENT_V1,
    incidentId,
    { incidentId, title, callerId: caller.userId, actor: caller, impact: 2, urgency: 2, reportedAt: new Date().toISOString(), ...fields },
    { service: 'test' },
  );
}

/**
 * A version of a configuration item as transition publishes it (`registered` for version 1, `revised` after): a
 * server named after its external id, operational, version 1, a new item id, unless given. Published to
 * `itsm.events`, it reaches operation's copy of the CMDB as transition's own events do.
 */
export function configurationItemEvent(
  externalId: string,
  fields: { itemId?: string; name?: string; classKey?: string; lifecycleState?: CiLifecycleState; version?: number } = {},
): CloudEvent<ConfigurationItemVersionV1> {
  const itemId = fields.itemId ?? uuidV7();
  const version = fields.version ?? 1;
  const data: ConfigurationItemVersionV1 = {
    itemId,
    version,
    externalId,
    classKey: fields.classKey ?? 'server',
    name: fields.name ?? externalId,
    lifecycleState: fields.lifecycleState ?? 'operational',
    attributes: {},
  };
  return createCloudEvent(version === 1 ? CONFIGURATION_ITEM_REGISTERED_V1 : CONFIGURATION_ITEM_REVISED_V1, itemId, data, { service: 'transition' });
}
