import { Page } from '@itsm/contracts';
import { AssignmentGroupView, DefineAssignmentGroupRequest, ListAssignmentGroupsQuery, ReviseAssignmentGroupRequest } from '@itsm/contracts/operation';
import { ForwardedOrigin, RequirePolicy } from '@itsm/gateway/auth';
import { ApiPageResponse, ApiProblemResponses, ApiViewResponse, OriginHeaders, ServiceHttpClient } from '@itsm/service-runtime';
import { Body, Controller, Get, Inject, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { OPERATION_CLIENT } from '../operation-client';

const ASSIGNMENT_GROUPS_PATH = 'api/v1/assignment-groups';

/** Assignment groups: the teams incidents are assigned to (members, manager, escalation group). */
@ApiTags('assignment groups')
@ApiBearerAuth()
@ApiProblemResponses(401, 403, 429)
@Controller(ASSIGNMENT_GROUPS_PATH)
export class AssignmentGroupsController {
  constructor(@Inject(OPERATION_CLIENT) private readonly operation: ServiceHttpClient) {}

  @Post()
  @RequirePolicy('assignment.manage')
  @ApiOperation({
    summary: 'Define an assignment group',
    description: 'Names are unique (409 when another group has the name). `escalationGroupId` must name another existing group (400 naming it). Emits itsm.operation.assignment-group.defined.v1.',
  })
  @ApiViewResponse(201, AssignmentGroupView)
  @ApiProblemResponses(409, 502, 503)
  async define(
    @Body() body: DefineAssignmentGroupRequest,
    @ForwardedOrigin() origin: OriginHeaders,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AssignmentGroupView> {
    const group = await this.operation.send<AssignmentGroupView>('POST', '/v1/assignment-groups', body, origin);
    void reply.header('location', `/${ASSIGNMENT_GROUPS_PATH}/${group.id}`);
    return group;
  }

  @Put(':id')
  @RequirePolicy('assignment.manage')
  @ApiOperation({
    summary: 'Revise an assignment group',
    description:
      'The whole next version (fields left out are removed), written if `expectedVersion` is current (409 otherwise, and for a name another group has). ' +
      '`active: false` keeps the group but routing rules pass over it. Emits itsm.operation.assignment-group.revised.v1.',
  })
  @ApiViewResponse(200, AssignmentGroupView)
  @ApiProblemResponses(409, 502, 503)
  revise(@Param('id') id: string, @Body() body: ReviseAssignmentGroupRequest, @ForwardedOrigin() origin: OriginHeaders): Promise<AssignmentGroupView> {
    return this.operation.send<AssignmentGroupView>('PUT', `/v1/assignment-groups/${encodeURIComponent(id)}`, body, origin);
  }

  @Get(':id')
  @RequirePolicy('assignment.read')
  @ApiOperation({ summary: 'Read an assignment group' })
  @ApiViewResponse(200, AssignmentGroupView)
  @ApiProblemResponses(502, 503)
  get(@Param('id') id: string, @ForwardedOrigin() origin: OriginHeaders): Promise<AssignmentGroupView> {
    return this.operation.get<AssignmentGroupView>(`/v1/assignment-groups/${encodeURIComponent(id)}`, origin);
  }

  @Get()
  @RequirePolicy('assignment.read')
  @ApiOperation({ summary: 'List assignment groups by name, one page at a time', description: '`memberId` keeps the groups that user is a member of.' })
  @ApiPageResponse(AssignmentGroupView)
  @ApiProblemResponses(502, 503)
  list(@Query() query: ListAssignmentGroupsQuery, @ForwardedOrigin() origin: OriginHeaders): Promise<Page<AssignmentGroupView>> {
    return this.operation.get<Page<AssignmentGroupView>>('/v1/assignment-groups', origin, query);
  }
}
