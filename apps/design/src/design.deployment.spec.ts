import { describeDeployment } from '@itsm/testing';
import { DesignConfig } from './design.config';

describeDeployment('design', DesignConfig, (config) => config.ITSM_DESIGN_PORT);
