import { NotFoundError, Page, pageRequest, toPage } from '@itsm/contracts';
import { AssignmentGroupView, ListAssignmentGroupsQuery } from '@itsm/contracts/operation';
import { BY_NAME, toVersionedView } from '@itsm/persistence';
import { recordId } from '@itsm/service-runtime';
import { Controller, Get, Param, Query } from '@nestjs/common';
import { AssignmentGroupRepository } from '../persistence/assignment-group.repository';

/** Operation's assignment group reads, called by the gateway. */
@Controller('v1/assignment-groups')
export class AssignmentGroupQueryController {
  constructor(private readonly groups: AssignmentGroupRepository) {}

  @Get(':id')
  async get(@Param('id') id: string): Promise<AssignmentGroupView> {
    const record = await this.groups.findById(recordId(id, 'assignment group'));
    if (!record) throw new NotFoundError('assignment group', id);
    return toVersionedView(record);
  }

  /** By name, one page at a time; `memberId` keeps the groups that user belongs to. */
  @Get()
  async list(@Query() query: ListAssignmentGroupsQuery): Promise<Page<AssignmentGroupView>> {
    // Equality on an array field matches the documents whose array holds the value.
    return toPage(await this.groups.page(BY_NAME, pageRequest(query), { memberIds: query.memberId }), toVersionedView);
  }
}
