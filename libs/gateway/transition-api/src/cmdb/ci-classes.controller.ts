import { ByNamePageQuery, Page } from '@itsm/contracts';
import { CiClassView, DefineCiClassRequest } from '@itsm/contracts/transition';
import { ForwardedOrigin, RequirePolicy } from '@itsm/gateway/auth';
import { ApiPageResponse, ApiProblemResponses, ApiViewResponse, OriginHeaders, ServiceHttpClient } from '@itsm/service-runtime';
import { Body, Controller, Get, Inject, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { TRANSITION_CLIENT } from '../transition-client';

const CLASSES_PATH = 'api/v1/cmdb/classes';

/** Classes of configuration items: the built-in ones and those defined here, with their typed attributes. */
@ApiTags('cmdb')
@ApiBearerAuth()
@ApiProblemResponses(401, 403, 429)
@Controller(CLASSES_PATH)
export class CiClassesController {
  constructor(@Inject(TRANSITION_CLIENT) private readonly transition: ServiceHttpClient) {}

  @Post()
  @RequirePolicy('cmdb.manage')
  @ApiOperation({ summary: 'Define a CI class', description: 'Its attributes are typed (string, number, integer, boolean, date, enum); 409 when the key is taken. Emits itsm.transition.ci-class.defined.v1.' })
  @ApiViewResponse(201, CiClassView)
  @ApiProblemResponses(409, 422, 502, 503)
  async define(@Body() body: DefineCiClassRequest, @ForwardedOrigin() origin: OriginHeaders, @Res({ passthrough: true }) reply: FastifyReply): Promise<CiClassView> {
    const ciClass = await this.transition.send<CiClassView>('POST', '/v1/cmdb/classes', body, origin);
    void reply.header('location', `/${CLASSES_PATH}/${ciClass.id}`);
    return ciClass;
  }

  @Get(':id')
  @RequirePolicy('cmdb.read')
  @ApiOperation({ summary: 'Read a CI class' })
  @ApiViewResponse(200, CiClassView)
  @ApiProblemResponses(502, 503)
  get(@Param('id') id: string, @ForwardedOrigin() origin: OriginHeaders): Promise<CiClassView> {
    return this.transition.get<CiClassView>(`/v1/cmdb/classes/${encodeURIComponent(id)}`, origin);
  }

  @Get()
  @RequirePolicy('cmdb.read')
  @ApiOperation({ summary: 'List CI classes by name, the built-in ones among them, one page at a time' })
  @ApiPageResponse(CiClassView)
  @ApiProblemResponses(400, 502, 503)
  list(@Query() query: ByNamePageQuery, @ForwardedOrigin() origin: OriginHeaders): Promise<Page<CiClassView>> {
    return this.transition.get<Page<CiClassView>>('/v1/cmdb/classes', origin, query);
  }
}
