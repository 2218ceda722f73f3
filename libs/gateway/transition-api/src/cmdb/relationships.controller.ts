import { AddRelationshipRequest, RelationshipView } from '@itsm/contracts/transition';
import { ForwardedOrigin, RequirePolicy } from '@itsm/gateway/auth';
import { ApiProblemResponses, ApiViewResponse, OriginHeaders, ServiceHttpClient } from '@itsm/service-runtime';
import { Body, Controller, Get, Inject, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { TRANSITION_CLIENT } from '../transition-client';

const RELATIONSHIPS_PATH = 'api/v1/cmdb/relationships';

/** Typed, directed relationships between configuration items. */
@ApiTags('cmdb')
@ApiBearerAuth()
@ApiProblemResponses(401, 403, 429)
@Controller(RELATIONSHIPS_PATH)
export class RelationshipsController {
  constructor(@Inject(TRANSITION_CLIENT) private readonly transition: ServiceHttpClient) {}

  @Post()
  @RequirePolicy('cmdb.manage')
  @ApiOperation({
    summary: 'Add a relationship between two configuration items',
    description: 'At most one of each type between two items in one direction (409 for a second); cycles are allowed. Emits itsm.transition.relationship.added.v1.',
  })
  @ApiViewResponse(201, RelationshipView)
  @ApiProblemResponses(409, 422, 502, 503)
  async add(@Body() body: AddRelationshipRequest, @ForwardedOrigin() origin: OriginHeaders, @Res({ passthrough: true }) reply: FastifyReply): Promise<RelationshipView> {
    const relationship = await this.transition.send<RelationshipView>('POST', '/v1/cmdb/relationships', body, origin);
    void reply.header('location', `/${RELATIONSHIPS_PATH}/${relationship.id}`);
    return relationship;
  }

  @Get(':id')
  @RequirePolicy('cmdb.read')
  @ApiOperation({ summary: 'Read a relationship' })
  @ApiViewResponse(200, RelationshipView)
  @ApiProblemResponses(502, 503)
  get(@Param('id') id: string, @ForwardedOrigin() origin: OriginHeaders): Promise<RelationshipView> {
    return this.transition.get<RelationshipView>(`/v1/cmdb/relationships/${encodeURIComponent(id)}`, origin);
  }
}
