import { ServiceHttpClient } from '@itsm/service-runtime';
import { DynamicModule, Module } from '@nestjs/common';
import { CiClassesController } from './cmdb/ci-classes.controller';
import { CmdbImportsController } from './cmdb/cmdb-imports.controller';
import { ConfigurationItemsController } from './cmdb/configuration-items.controller';
import { RelationshipsController } from './cmdb/relationships.controller';
import { IMPORT_TIMEOUT_MS, TRANSITION_CLIENT, TRANSITION_IMPORT_CLIENT } from './transition-client';
import { ChangeCalendarController } from './change-calendar/change-calendar.controller';
import { ChangeSetupController } from './changes/change-setup.controller';
import { ChangesController } from './changes/changes.controller';
import { ReleasesController } from './releases/releases.controller';

/** Public service-transition routes (CMDB, changes, change calendar, releases), answered by the transition service. */
@Module({})
export class TransitionApiModule {
  static forRoot(options: { transitionUrl: string }): DynamicModule {
    return {
      module: TransitionApiModule,
      controllers: [CiClassesController, ConfigurationItemsController, RelationshipsController, CmdbImportsController, ChangesController, ChangeSetupController, ChangeCalendarController, ReleasesController],
      providers: [
        { provide: TRANSITION_CLIENT, useValue: new ServiceHttpClient(options.transitionUrl, 'transition') },
        { provide: TRANSITION_IMPORT_CLIENT, useValue: new ServiceHttpClient(options.transitionUrl, 'transition', { timeoutMs: IMPORT_TIMEOUT_MS }) },
      ],
    };
  }
}
