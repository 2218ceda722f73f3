import { ServiceHttpClient } from '@itsm/service-runtime';
import { DynamicModule, Module } from '@nestjs/common';
import { ChangeCalendarController } from './change-calendar/change-calendar.controller';
import { ChangeSetupController } from './changes/change-setup.controller';
import { ChangesController } from './changes/changes.controller';
import { ReleasesController } from './releases/releases.controller';
import { TRANSITION_CLIENT } from './transition-client';

/** Public service-transition routes (CMDB, changes, change calendar, releases), answered by the transition service. */
@Module({})
export class TransitionApiModule {
  static forRoot(options: { transitionUrl: string }): DynamicModule {
    return {
      module: TransitionApiModule,
      controllers: [ChangesController, ChangeSetupController, ChangeCalendarController, ReleasesController],
      providers: [{ provide: TRANSITION_CLIENT, useValue: new ServiceHttpClient(options.transitionUrl, 'transition') }],
    };
  }
}
