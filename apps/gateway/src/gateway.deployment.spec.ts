import { describeDeployment } from '@itsm/testing';
import { GatewayConfig } from './gateway.config';

describeDeployment('gateway', GatewayConfig, (config) => config.ITSM_GATEWAY_PORT, 'anyone');
