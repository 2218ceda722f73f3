import { ChangeView, RaiseChangeRequest } from '@itsm/contracts/transition';
import { Origin, RequestOrigin } from '@itsm/service-runtime';
import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { changeView } from '../change-query/change-view.mapper';
import { RaiseChange } from './raise-change.use-case';

/** The transition service's POST /v1/changes, called by the gateway. */
@Controller('v1/changes')
export class RaiseChangeController {
  constructor(private readonly changes: RaiseChange) {}

  @Post()
  @HttpCode(201)
  async raise(@Body() request: RaiseChangeRequest, @Origin() origin: RequestOrigin): Promise<ChangeView> {
    return changeView(await this.changes.raise(request, origin));
  }
}
