import { ServiceHttpClient } from '@itsm/service-runtime';
import { DynamicModule, Module } from '@nestjs/common';
import { CalendarsController } from './calendars/calendars.controller';
import { CatalogueItemsController } from './catalogue-items/catalogue-items.controller';
import { DESIGN_CLIENT } from './design-client';
import { ServicesController } from './services/services.controller';
import { SlasController } from './slas/slas.controller';

/** Public service-design routes (catalogue, service levels, calendars), answered by the design service. */
@Module({})
export class DesignApiModule {
  static forRoot(options: { designUrl: string }): DynamicModule {
    return {
      module: DesignApiModule,
      controllers: [ServicesController, CatalogueItemsController, SlasController, CalendarsController],
      providers: [{ provide: DESIGN_CLIENT, useValue: new ServiceHttpClient(options.designUrl, 'design') }],
    };
  }
}
