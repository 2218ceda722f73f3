import { DefineSlaRequest, ReviseSlaRequest, SlaView } from '@itsm/contracts/design';
import { toVersionedView } from '@itsm/persistence';
import { Origin, RequestOrigin, recordId } from '@itsm/service-runtime';
import { Body, Controller, HttpCode, Param, Post, Put } from '@nestjs/common';
import { DefineServiceLevel } from './define-service-level.use-case';

/** The design service's service-level writes (define, revise), called by the gateway. */
@Controller('v1/slas')
export class DefineServiceLevelController {
  constructor(private readonly defineServiceLevel: DefineServiceLevel) {}

  @Post()
  @HttpCode(201)
  async define(@Body() definition: DefineSlaRequest, @Origin() origin: RequestOrigin): Promise<SlaView> {
    return toVersionedView(await this.defineServiceLevel.define(definition, origin));
  }

  @Put(':id')
  async revise(@Param('id') id: string, @Body() { expectedVersion, ...definition }: ReviseSlaRequest, @Origin() origin: RequestOrigin): Promise<SlaView> {
    return toVersionedView(await this.defineServiceLevel.revise(recordId(id, 'service level'), expectedVersion, definition, origin));
  }
}
