import { DefineCalendarRequest, DefineSlaRequest, ReviseCalendarRequest, ReviseSlaRequest } from '@itsm/contracts';
import { DynamicModule, Module } from '@nestjs/common';
import { CalendarsController } from './calendars.controller';
import { DESIGN_URL } from './design-forwarding';
import { SlasController } from './slas.controller';

/** Request bodies whose OpenAPI schemas the gateway generates from their validation rules. */
export const DESIGN_API_REQUEST_BODIES = [DefineCalendarRequest, ReviseCalendarRequest, DefineSlaRequest, ReviseSlaRequest];

/** Public service-design routes, answered by the design service. */
@Module({})
export class DesignApiModule {
  static forRoot(options: { designUrl: string }): DynamicModule {
    return { module: DesignApiModule, controllers: [CalendarsController, SlasController], providers: [{ provide: DESIGN_URL, useValue: options.designUrl }] };
  }
}
