import { describeDeployment } from '@itsm/testing';
import { AuditConfig } from './audit.config';

describeDeployment('audit', AuditConfig, (config) => config.ITSM_AUDIT_PORT);
