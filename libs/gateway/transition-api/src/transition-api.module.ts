import { ServiceHttpClient } from '@itsm/service-runtime';
import { DynamicModule, Module } from '@nestjs/common';
import { TRANSITION_CLIENT } from './transition-client';

/** Public service-transition routes (CMDB, changes, change calendar, releases), answered by the transition service. */
@Module({})
export class TransitionApiModule {
  static forRoot(options: { transitionUrl: string }): DynamicModule {
    return {
      module: TransitionApiModule,
      controllers: [],
      providers: [{ provide: TRANSITION_CLIENT, useValue: new ServiceHttpClient(options.transitionUrl, 'transition') }],
    };
  }
}
