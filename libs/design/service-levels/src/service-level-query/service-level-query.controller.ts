import { NotFoundError } from '@itsm/contracts';
import { SlaView } from '@itsm/contracts/design';
import { toVersionedView } from '@itsm/persistence';
import { recordId } from '@itsm/service-runtime';
import { Controller, Get, Param } from '@nestjs/common';
import { ServiceLevelRepository } from '../persistence/service-level.repository';

/** The design service's service-level reads, called by the gateway. */
@Controller('v1/slas')
export class ServiceLevelQueryController {
  constructor(private readonly serviceLevels: ServiceLevelRepository) {}

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
