import { ByNamePageQuery, NotFoundError, Page, pageRequest, toPage } from '@itsm/contracts';
import { CiClassView } from '@itsm/contracts/transition';
import { BY_NAME, toVersionedView } from '@itsm/persistence';
import { recordId } from '@itsm/service-runtime';
import { Controller, Get, Param, Query } from '@nestjs/common';
import { CiClassRepository } from '../persistence/ci-class.repository';

/** The transition service's CI class reads, called by the gateway. */
@Controller('v1/cmdb/classes')
export class CiClassQueryController {
  constructor(private readonly classes: CiClassRepository) {}

  @Get(':id')
  async get(@Param('id') id: string): Promise<CiClassView> {
    const record = await this.classes.findById(recordId(id, 'CI class'));
    if (!record) throw new NotFoundError('CI class', id);
    return toVersionedView(record);
  }

  /** By name, one page at a time; the built-in classes among them. */
  @Get()
  async list(@Query() query: ByNamePageQuery): Promise<Page<CiClassView>> {
    return toPage(await this.classes.page(BY_NAME, pageRequest(query)), toVersionedView);
  }
}
