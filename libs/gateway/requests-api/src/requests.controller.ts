import {
  AddRequestTaskRequest,
  CommentRequestRequest,
  DecideApprovalRequest,
  ListApprovalsQuery,
  ListRequestsQuery,
  RequestPage,
  RequestTaskActionRequest,
  RequestView,
  SubmitRequestRequest,
} from '@itsm/contracts/operation';
import { ForwardedOrigin, RequirePolicy } from '@itsm/gateway/auth';
import { ApiPageResponse, ApiProblemResponses, ApiViewResponse, OriginHeaders, ServiceHttpClient } from '@itsm/service-runtime';
import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { REQUESTS_OPERATION_CLIENT } from './operation-client';

const REQUESTS_PATH = 'api/v1/requests';

/** Service requests: requesting catalogue items, approving them in the item's order, fulfilling them by tasks. */
@ApiTags('requests')
@ApiBearerAuth()
@ApiProblemResponses(401, 403, 429)
@Controller(REQUESTS_PATH)
export class RequestsController {
  constructor(@Inject(REQUESTS_OPERATION_CLIENT) private readonly operation: ServiceHttpClient) {}

  @Post()
  @RequirePolicy('requests.submit')
  @ApiOperation({
    summary: 'Request a catalogue item',
    description:
      "Requests the item's current version, answering its form: each answer is checked against the form on the server (types, required, min and max, lengths, choices; 400 naming `answers.<key>`). " +
      "The item's approval steps are resolved to their approvers (the requester's manager from the reporting lines, the service owner, a named user, a group's members): 422 when one cannot be found. " +
      "The item's delivery target runs as an SLA clock from now. Emits itsm.operation.request.submitted.v1 (and, for an item needing no approval, the request's move to fulfilment with its task).",
  })
  @ApiViewResponse(201, RequestView)
  @ApiProblemResponses(422, 502, 503)
  async submit(@Body() body: SubmitRequestRequest, @ForwardedOrigin() origin: OriginHeaders, @Res({ passthrough: true }) reply: FastifyReply): Promise<RequestView> {
    const request = await this.operation.send<RequestView>('POST', '/v1/requests', body, origin);
    void reply.header('location', `/${REQUESTS_PATH}/${request.id}`);
    return request;
  }

  @Get(':id')
  @RequirePolicy('requests.read')
  @ApiOperation({ summary: 'Read a request', description: 'Its status, approvals with their decisions, tasks, comments and delivery clock. Who reads only their own requests gets 404 for another one, unless asked to approve it.' })
  @ApiViewResponse(200, RequestView)
  @ApiProblemResponses(502, 503)
  get(@Param('id') id: string, @ForwardedOrigin() origin: OriginHeaders): Promise<RequestView> {
    return this.operation.get<RequestView>(`/v1/requests/${encodeURIComponent(id)}`, origin);
  }

  @Get()
  @RequirePolicy('requests.read')
  @ApiOperation({ summary: 'List requests, newest first', description: 'Who reads only their own requests gets them whatever `requesterId` says; the fulfilment desk lists anyone\'s.' })
  @ApiPageResponse(RequestView)
  @ApiProblemResponses(502, 503)
  list(@Query() query: ListRequestsQuery, @ForwardedOrigin() origin: OriginHeaders): Promise<RequestPage> {
    return this.operation.get<RequestPage>('/v1/requests', origin, query);
  }

  @Post(':id/approval')
  @HttpCode(200)
  @RequirePolicy('requests.approve')
  @ApiOperation({
    summary: 'Approve or reject the pending approval step',
    description: 'Only an approver of the pending step decides it (a group step: any one member; 403 otherwise); a comment is required. A rejection ends the request. Emits itsm.operation.request.approval-decided.v1 (and state-changed when it moves).',
  })
  @ApiViewResponse(200, RequestView)
  @ApiProblemResponses(409, 502, 503)
  decide(@Param('id') id: string, @Body() body: DecideApprovalRequest, @ForwardedOrigin() origin: OriginHeaders): Promise<RequestView> {
    return this.operation.send<RequestView>('POST', `/v1/requests/${encodeURIComponent(id)}/approval`, body, origin);
  }

  @Post(':id/tasks')
  @HttpCode(200)
  @RequirePolicy('requests.fulfil')
  @ApiOperation({ summary: 'Add a fulfilment task', description: "Another task for the request's fulfilment group, while it is in fulfilment. Emits itsm.operation.request.task-opened.v1." })
  @ApiViewResponse(200, RequestView)
  @ApiProblemResponses(409, 422, 502, 503)
  addTask(@Param('id') id: string, @Body() body: AddRequestTaskRequest, @ForwardedOrigin() origin: OriginHeaders): Promise<RequestView> {
    return this.operation.send<RequestView>('POST', `/v1/requests/${encodeURIComponent(id)}/tasks`, body, origin);
  }

  @Post(':id/tasks/:taskId/actions')
  @HttpCode(200)
  @RequirePolicy('requests.fulfil')
  @ApiOperation({
    summary: 'Work a fulfilment task',
    description:
      '`assign` (to a member of the group), `start`, `hold` (with a reason), `resume`, `complete` or `cancel` (with a note), from the states each allows (409 otherwise); a resolver works only the tasks of their groups (403). ' +
      'The last task ending with one done closes the request. Emits itsm.operation.request.task-changed.v1.',
  })
  @ApiViewResponse(200, RequestView)
  @ApiProblemResponses(409, 502, 503)
  act(@Param('id') id: string, @Param('taskId') taskId: string, @Body() body: RequestTaskActionRequest, @ForwardedOrigin() origin: OriginHeaders): Promise<RequestView> {
    return this.operation.send<RequestView>('POST', `/v1/requests/${encodeURIComponent(id)}/tasks/${encodeURIComponent(taskId)}/actions`, body, origin);
  }

  @Post(':id/comments')
  @HttpCode(200)
  @RequirePolicy('requests.comment')
  @ApiOperation({ summary: 'Comment on a request', description: 'By its requester, its approvers or the fulfilment desk (404 for others). Emits itsm.operation.request.commented.v1.' })
  @ApiViewResponse(200, RequestView)
  @ApiProblemResponses(422, 502, 503)
  comment(@Param('id') id: string, @Body() body: CommentRequestRequest, @ForwardedOrigin() origin: OriginHeaders): Promise<RequestView> {
    return this.operation.send<RequestView>('POST', `/v1/requests/${encodeURIComponent(id)}/comments`, body, origin);
  }
}

/** What waits for the caller's approval. */
@ApiTags('requests')
@ApiBearerAuth()
@ApiProblemResponses(401, 403, 429)
@Controller('api/v1/approvals')
export class ApprovalsController {
  constructor(@Inject(REQUESTS_OPERATION_CLIENT) private readonly operation: ServiceHttpClient) {}

  @Get()
  @RequirePolicy('requests.approve')
  @ApiOperation({ summary: 'List the requests waiting for my approval, newest first' })
  @ApiPageResponse(RequestView)
  @ApiProblemResponses(502, 503)
  list(@Query() query: ListApprovalsQuery, @ForwardedOrigin() origin: OriginHeaders): Promise<RequestPage> {
    return this.operation.get<RequestPage>('/v1/approvals', origin, query);
  }
}
