import { ByNamePageQuery, Page } from '@itsm/contracts';
import { ChangeBoardView, ChangeTemplateView, ConfigureChangeBoardRequest, DefineChangeTemplateRequest, ReviseChangeTemplateRequest } from '@itsm/contracts/transition';
import { ForwardedOrigin, RequirePolicy } from '@itsm/gateway/auth';
import { ApiPageResponse, ApiProblemResponses, ApiViewResponse, OriginHeaders, ServiceHttpClient } from '@itsm/service-runtime';
import { Body, Controller, Get, HttpCode, Inject, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { TRANSITION_CLIENT } from '../transition-client';

const TEMPLATES_PATH = 'api/v1/change-templates';

/** What change enablement is set up with: standard-change templates and the two change advisory boards. */
@ApiTags('changes')
@ApiBearerAuth()
@ApiProblemResponses(401, 403, 429)
@Controller('api/v1')
export class ChangeSetupController {
  constructor(@Inject(TRANSITION_CLIENT) private readonly transition: ServiceHttpClient) {}

  @Post('change-templates')
  @RequirePolicy('changes.manage')
  @ApiOperation({ summary: 'Define a standard-change template', description: 'Pre-authorised plans and items; standard changes are raised from active templates. Emits itsm.transition.change-template.defined.v1.' })
  @ApiViewResponse(201, ChangeTemplateView)
  @ApiProblemResponses(502, 503)
  async defineTemplate(@Body() body: DefineChangeTemplateRequest, @ForwardedOrigin() origin: OriginHeaders, @Res({ passthrough: true }) reply: FastifyReply): Promise<ChangeTemplateView> {
    const template = await this.transition.send<ChangeTemplateView>('POST', '/v1/change-templates', body, origin);
    void reply.header('location', `/${TEMPLATES_PATH}/${template.id}`);
    return template;
  }

  @Put('change-templates/:id')
  @RequirePolicy('changes.manage')
  @ApiOperation({ summary: 'Revise (or retire) a standard-change template', description: 'A new version over expectedVersion (409 otherwise); active false retires it. Emits revised.' })
  @ApiViewResponse(200, ChangeTemplateView)
  @ApiProblemResponses(404, 409, 502, 503)
  reviseTemplate(@Param('id') id: string, @Body() body: ReviseChangeTemplateRequest, @ForwardedOrigin() origin: OriginHeaders): Promise<ChangeTemplateView> {
    return this.transition.send<ChangeTemplateView>('PUT', `/v1/change-templates/${encodeURIComponent(id)}`, body, origin);
  }

  @Get('change-templates/:id')
  @RequirePolicy('changes.read')
  @ApiOperation({ summary: 'Read a standard-change template' })
  @ApiViewResponse(200, ChangeTemplateView)
  @ApiProblemResponses(404, 502, 503)
  template(@Param('id') id: string, @ForwardedOrigin() origin: OriginHeaders): Promise<ChangeTemplateView> {
    return this.transition.get<ChangeTemplateView>(`/v1/change-templates/${encodeURIComponent(id)}`, origin);
  }

  @Get('change-templates')
  @RequirePolicy('changes.read')
  @ApiOperation({ summary: 'List standard-change templates by name, one page at a time' })
  @ApiPageResponse(ChangeTemplateView)
  @ApiProblemResponses(400, 502, 503)
  templates(@Query() query: ByNamePageQuery, @ForwardedOrigin() origin: OriginHeaders): Promise<Page<ChangeTemplateView>> {
    return this.transition.get<Page<ChangeTemplateView>>('/v1/change-templates', origin, query);
  }

  @Put('change-boards/:board')
  @HttpCode(200)
  @RequirePolicy('changes.manage')
  @ApiOperation({
    summary: 'Configure the CAB or the emergency CAB',
    description:
      'board: cab or ecab. Members and decision rule: all (every member approves; one rejection rejects), any (one approval approves; rejected once all rejected) or quorum (n approvals; rejected once n can no longer be reached). expectedVersion once configured. Emits itsm.transition.change-board.configured.v1.',
  })
  @ApiViewResponse(200, ChangeBoardView)
  @ApiProblemResponses(409, 502, 503)
  configureBoard(@Param('board') board: string, @Body() body: ConfigureChangeBoardRequest, @ForwardedOrigin() origin: OriginHeaders): Promise<ChangeBoardView> {
    return this.transition.send<ChangeBoardView>('PUT', `/v1/change-boards/${encodeURIComponent(board)}`, body, origin);
  }

  @Get('change-boards/:board')
  @RequirePolicy('changes.read')
  @ApiOperation({ summary: 'Read the CAB or the emergency CAB as configured' })
  @ApiViewResponse(200, ChangeBoardView)
  @ApiProblemResponses(404, 502, 503)
  board(@Param('board') board: string, @ForwardedOrigin() origin: OriginHeaders): Promise<ChangeBoardView> {
    return this.transition.get<ChangeBoardView>(`/v1/change-boards/${encodeURIComponent(board)}`, origin);
  }
}
