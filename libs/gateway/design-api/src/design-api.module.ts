import { DefineCalendarRequest, ReviseCalendarRequest } from '@itsm/contracts';
import { DynamicModule, Module } from '@nestjs/common';
import { CalendarsController, DESIGN_URL } from './calendars.controller';

/** Request bodies whose OpenAPI schemas the gateway generates from their validation rules. */
export const DESIGN_API_REQUEST_BODIES = [DefineCalendarRequest, ReviseCalendarRequest];

/** Public service-design routes, answered by the design service. */
@Module({})
export class DesignApiModule {
  static forRoot(options: { designUrl: string }): DynamicModule {
    return { module: DesignApiModule, controllers: [CalendarsController], providers: [{ provide: DESIGN_URL, useValue: options.designUrl }] };
  }
}
