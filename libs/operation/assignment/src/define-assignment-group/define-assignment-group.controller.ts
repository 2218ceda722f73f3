import { AssignmentGroupView, DefineAssignmentGroupRequest, ReviseAssignmentGroupRequest } from '@itsm/contracts/operation';
import { toVersionedView } from '@itsm/persistence';
import { Origin, RequestOrigin, recordId } from '@itsm/service-runtime';
import { Body, Controller, HttpCode, Param, Post, Put } from '@nestjs/common';
import { DefineAssignmentGroup } from './define-assignment-group.use-case';

/** Operation's assignment group writes (define, revise), called by the gateway. */
@Controller('v1/assignment-groups')
export class DefineAssignmentGroupController {
  constructor(private readonly defineGroup: DefineAssignmentGroup) {}

  @Post()
  @HttpCode(201)
  async define(@Body() fields: DefineAssignmentGroupRequest, @Origin() origin: RequestOrigin): Promise<AssignmentGroupView> {
    return toVersionedView(await this.defineGroup.define(fields, origin));
  }

  @Put(':id')
  async revise(@Param('id') id: string, @Body() { expectedVersion, ...fields }: ReviseAssignmentGroupRequest, @Origin() origin: RequestOrigin): Promise<AssignmentGroupView> {
    return toVersionedView(await this.defineGroup.revise(recordId(id, 'assignment group'), expectedVersion, fields, origin));
  }
}
