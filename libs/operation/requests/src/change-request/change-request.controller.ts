import { NotFoundError } from '@itsm/contracts';
import { AddRequestTaskRequest, CommentRequestRequest, DecideApprovalRequest, RequestTaskActionRequest, RequestView, SubmitRequestRequest } from '@itsm/contracts/operation';
import { groupScope, policyNamed, recordScope } from '@itsm/access';
import { RuleViolationError } from '@itsm/contracts';
import { ServiceRequest, TaskCommand, addTask, applyTaskCommand, commentOnRequest, decideApproval, mayReadRequest } from '@itsm/operation/request-domain';
import { ServiceLevelCatalog } from '@itsm/operation/service-levels';
import { Origin, RequestOrigin, recordId } from '@itsm/service-runtime';
import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { StoredServiceRequest } from '../persistence/service-request.repository';
import { SubmitRequest } from '../submit-request/submit-request.use-case';
import { ChangeRequest } from './change-request.use-case';
import { toRequestView } from './request-view.mapper';

/**
 * Operation's request writes, called by the gateway. Record-level rules are decided here, on the verified
 * caller and the request read for the write: who the `requests.read` policy limits to their own
 * (`recordScope` `own`) changes only the requests they raised or are asked to approve (404 for others', so
 * ids are not disclosed); approvals are decided by the pending step's approvers only (the domain, 403);
 * tasks are worked by the fulfilment groups (a resolver only their groups', `groupScope` of `requests.fulfil`, 403).
 */
@Controller('v1/requests')
export class RequestsController {
  constructor(
    private readonly submitRequest: SubmitRequest,
    private readonly changeRequest: ChangeRequest,
    private readonly serviceLevels: ServiceLevelCatalog,
  ) {}

  @Post()
  @HttpCode(201)
  async submit(@Body() body: SubmitRequestRequest, @Origin() origin: RequestOrigin): Promise<RequestView> {
    return this.view(await this.submitRequest.execute(body, origin));
  }

  @Post(':id/approval')
  @HttpCode(200)
  async decide(@Param('id') id: string, @Body() { decision, comment }: DecideApprovalRequest, @Origin() origin: RequestOrigin): Promise<RequestView> {
    const now = new Date();
    return this.change(id, origin, 'requests.read', (request) => decideApproval(request, { actor: origin.actor, decision, comment, now }));
  }

  @Post(':id/tasks')
  @HttpCode(200)
  async addTask(@Param('id') id: string, @Body() { title }: AddRequestTaskRequest, @Origin() origin: RequestOrigin): Promise<RequestView> {
    const scope = groupScope(origin.actor, policyNamed('requests.fulfil'));
    const now = new Date();
    return this.change(id, origin, 'requests.read', (request) => addTask(request, title, { actor: origin.actor, scope, now }));
  }

  @Post(':id/tasks/:taskId/actions')
  @HttpCode(200)
  async act(@Param('id') id: string, @Param('taskId') taskId: string, @Body() body: RequestTaskActionRequest, @Origin() origin: RequestOrigin): Promise<RequestView> {
    const command = taskCommand(body);
    const scope = groupScope(origin.actor, policyNamed('requests.fulfil'));
    const now = new Date();
    return this.change(id, origin, 'requests.read', (request) => applyTaskCommand(request, taskId, command, { actor: origin.actor, scope, now }));
  }

  @Post(':id/comments')
  @HttpCode(200)
  async comment(@Param('id') id: string, @Body() { text }: CommentRequestRequest, @Origin() origin: RequestOrigin): Promise<RequestView> {
    const now = new Date();
    return this.change(id, origin, 'requests.comment', (request) => commentOnRequest(request, text, origin.actor, now));
  }

  /** A change by a caller who may see the request (404 otherwise, before any other answer). */
  private async change(id: string, origin: RequestOrigin, readPolicy: 'requests.read' | 'requests.comment', decide: Parameters<ChangeRequest['execute']>[1]): Promise<RequestView> {
    const scope = recordScope(origin.actor, policyNamed(readPolicy));
    const changed = await this.changeRequest.execute(
      recordId(id, 'request'),
      (request: ServiceRequest) => {
        if (!mayReadRequest(request, origin.actor, scope)) throw new NotFoundError('request', id);
        return decide(request);
      },
      origin,
    );
    return this.view(changed);
  }

  private async view(stored: StoredServiceRequest): Promise<RequestView> {
    return toRequestView(stored, (await this.serviceLevels.engineContext()).calendars);
  }
}

/** The domain's command for a task action, or a 400 naming the field the action needs. */
function taskCommand({ action, assigneeId, reason, note }: RequestTaskActionRequest): TaskCommand {
  const required = (field: string, value: string | undefined): string => {
    if (value === undefined) throw RuleViolationError.of(field, `${field} is required to ${action} a task`);
    return value;
  };
  switch (action) {
    case 'assign':
      return { kind: 'assign', assigneeId: required('assigneeId', assigneeId) };
    case 'hold':
      return { kind: 'hold', reason: required('reason', reason) };
    case 'cancel':
      return { kind: 'cancel', note: required('note', note) };
    case 'complete':
      return note === undefined ? { kind: 'complete' } : { kind: 'complete', note };
    case 'start':
    case 'resume':
      return { kind: action };
  }
}
