import { ServiceHttpClient } from '@itsm/service-runtime';
import { DynamicModule, Module } from '@nestjs/common';
import { CiClassesController } from './cmdb/ci-classes.controller';
import { CmdbImportsController } from './cmdb/cmdb-imports.controller';
import { ConfigurationItemsController } from './cmdb/configuration-items.controller';
import { RelationshipsController } from './cmdb/relationships.controller';
import { IMPORT_TIMEOUT_MS, TRANSITION_CLIENT, TRANSITION_IMPORT_CLIENT } from './transition-client';

/** Public service-transition routes (CMDB, changes, change calendar, releases), answered by the transition service. */
@Module({})
export class TransitionApiModule {
  static forRoot(options: { transitionUrl: string }): DynamicModule {
    return {
      module: TransitionApiModule,
      controllers: [CiClassesController, ConfigurationItemsController, RelationshipsController, CmdbImportsController],
      providers: [
        { provide: TRANSITION_CLIENT, useValue: new ServiceHttpClient(options.transitionUrl, 'transition') },
        { provide: TRANSITION_IMPORT_CLIENT, useValue: new ServiceHttpClient(options.transitionUrl, 'transition', { timeoutMs: IMPORT_TIMEOUT_MS }) },
      ],
    };
  }
}
