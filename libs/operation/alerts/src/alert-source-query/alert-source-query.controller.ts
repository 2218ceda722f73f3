import { NotFoundError, Page, pageRequest, toPage } from '@itsm/contracts';
import { AlertSourceCredentialView, AlertSourceView, ListAlertSourcesQuery } from '@itsm/contracts/operation';
import { BY_NAME } from '@itsm/persistence';
import { recordId } from '@itsm/service-runtime';
import { Controller, Get, Param, Query } from '@nestjs/common';
import { AlertSourceRepository, StoredAlertSource } from '../persistence/alert-source.repository';
import { toAlertSourceView } from '../register-alert-source/alert-source-view.mapper';

/** Operation's alert source reads, called by the gateway: the list and one source for administrators, and a source's credential check data for the gateway's authentication. */
@Controller('v1/alert-sources')
export class AlertSourceQueryController {
  constructor(private readonly sources: AlertSourceRepository) {}

  @Get(':id')
  async get(@Param('id') id: string): Promise<AlertSourceView> {
    return toAlertSourceView(await this.find(id));
  }

  /** By name, revoked ones included. */
  @Get()
  async list(@Query() query: ListAlertSourcesQuery): Promise<Page<AlertSourceView>> {
    return toPage(await this.sources.page(BY_NAME, pageRequest(query)), toAlertSourceView);
  }

  /** What the gateway checks a presented credential against (the secret's SHA-256 and whether the source is active). */
  @Get(':id/credential')
  async credential(@Param('id') id: string): Promise<AlertSourceCredentialView> {
    const { _id, secretSha256, active } = await this.find(id);
    return { id: _id, secretSha256, active };
  }

  private async find(id: string): Promise<StoredAlertSource> {
    const record = await this.sources.findById(recordId(id, 'alert source'));
    if (!record) throw new NotFoundError('alert source', id);
    return record;
  }
}
