import { describeDeployment } from '@itsm/testing';
import { TransitionConfig } from './transition.config';

describeDeployment('transition', TransitionConfig, (config) => config.ITSM_TRANSITION_PORT);
