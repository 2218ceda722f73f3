import { NotFoundError } from '@itsm/contracts';
import { DefineSlaRequest, ReviseSlaRequest, SlaView } from '@itsm/contracts/design';
import { toVersionedView } from '@itsm/persistence';
import { Origin, RequestOrigin, recordId } from '@itsm/service-runtime';
import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { DefineServiceLevel } from './define-service-level.use-case';
import { ServiceLevelRepository } from '../persistence/service-level.repository';

/** The design service's service-level API, called by the gateway. */
@Controller('v1/slas')
export class ServiceLevelsController {
  constructor(
    private readonly defineServiceLevel: DefineServiceLevel,
    private readonly serviceLevels: ServiceLevelRepository,
  ) {}

  @Post()
  @HttpCode(201)
  async define(@Body() definition: DefineSlaRequest, @Origin() origin: RequestOrigin): Promise<SlaView> {
    return toVersionedView(await this.defineServiceLevel.define(definition, origin));
  }

  @Put(':id')
  async revise(@Param('id') id: string, @Body() { expectedVersion, ...definition }: ReviseSlaRequest, @Origin() origin: RequestOrigin): Promise<SlaView> {
    return toVersionedView(await this.defineServiceLevel.revise(recordId(id, 'service level'), expectedVersion, definition, origin));
  }

  @Get(':id')
  async get(@Param('id') id: string): Promise<SlaView> {
    const record = await this.serviceLevels.findById(recordId(id, 'service level'));
    if (!record) throw new NotFoundError('service level', id);
    return toVersionedView(record);
  }

  @Get()
  async list(): Promise<{ items: SlaView[] }> {
    return { items: (await this.serviceLevels.list('name')).map(toVersionedView) };
  }
}
