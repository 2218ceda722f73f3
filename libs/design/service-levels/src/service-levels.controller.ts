import { DefineSlaRequest, ReviseSlaRequest, SlaView, UUID_PATTERN } from '@itsm/contracts';
import { ACTOR_HEADER } from '@itsm/design/calendars';
import { Body, Controller, Get, Headers, HttpCode, NotFoundException, Param, Post, Put } from '@nestjs/common';
import { DefineServiceLevel } from './define-service-level.use-case';
import { ServiceLevelRepository, StoredServiceLevel } from './sla.repository';

/** The design service's service-level API, called by the gateway. */
@Controller('v1/slas')
export class ServiceLevelsController {
  constructor(
    private readonly defineServiceLevel: DefineServiceLevel,
    private readonly serviceLevels: ServiceLevelRepository,
  ) {}

  @Post()
  @HttpCode(201)
  async define(
    @Body() definition: DefineSlaRequest,
    @Headers(ACTOR_HEADER) actorId?: string,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<SlaView> {
    return toView(await this.defineServiceLevel.define(definition, { actorId, correlationId }));
  }

  @Put(':id')
  async revise(
    @Param('id') id: string,
    @Body() { expectedVersion, ...definition }: ReviseSlaRequest,
    @Headers(ACTOR_HEADER) actorId?: string,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<SlaView> {
    return toView(await this.defineServiceLevel.revise(checkedId(id), expectedVersion, definition, { actorId, correlationId }));
  }

  @Get(':id')
  async get(@Param('id') id: string): Promise<SlaView> {
    const record = await this.serviceLevels.findById(checkedId(id));
    if (!record) throw new NotFoundException(`service level ${id} not found`);
    return toView(record);
  }

  @Get()
  async list(): Promise<{ items: SlaView[] }> {
    return { items: (await this.serviceLevels.list('name')).map(toView) };
  }
}

function checkedId(id: string): string {
  if (!UUID_PATTERN.test(id)) throw new NotFoundException(`service level ${id} not found`);
  return id;
}

function toView({ _id, createdAt, updatedAt, ...fields }: StoredServiceLevel): SlaView {
  return { ...fields, id: _id, createdAt: createdAt.toISOString(), updatedAt: updatedAt.toISOString() };
}
