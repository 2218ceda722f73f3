import { ByNamePageQuery, NotFoundError, Page, pageRequest, toPage } from '@itsm/contracts';
import { ChangeTemplateView, DefineChangeTemplateRequest, ReviseChangeTemplateRequest } from '@itsm/contracts/transition';
import { BY_NAME, toVersionedView } from '@itsm/persistence';
import { Origin, RequestOrigin, recordId } from '@itsm/service-runtime';
import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ChangeTemplateRepository } from '../persistence/change-template.repository';
import { ChangeTemplates } from './change-templates.use-case';

/** The transition service's standard-change templates, called by the gateway. */
@Controller('v1/change-templates')
export class ChangeTemplatesController {
  constructor(
    private readonly templates: ChangeTemplates,
    private readonly stored: ChangeTemplateRepository,
  ) {}

  @Post()
  @HttpCode(201)
  async define(@Body() request: DefineChangeTemplateRequest, @Origin() origin: RequestOrigin): Promise<ChangeTemplateView> {
    return toVersionedView(await this.templates.define(request, origin));
  }

  @Put(':id')
  @HttpCode(200)
  async revise(@Param('id') id: string, @Body() request: ReviseChangeTemplateRequest, @Origin() origin: RequestOrigin): Promise<ChangeTemplateView> {
    return toVersionedView(await this.templates.revise(recordId(id, 'change template'), request.expectedVersion, request, origin));
  }

  @Get(':id')
  async get(@Param('id') id: string): Promise<ChangeTemplateView> {
    const record = await this.stored.findById(recordId(id, 'change template'));
    if (!record) throw new NotFoundError('change template', id);
    return toVersionedView(record);
  }

  /** By name, one page at a time. */
  @Get()
  async list(@Query() query: ByNamePageQuery): Promise<Page<ChangeTemplateView>> {
    return toPage(await this.stored.page(BY_NAME, pageRequest(query)), (record) => toVersionedView(record));
  }
}
