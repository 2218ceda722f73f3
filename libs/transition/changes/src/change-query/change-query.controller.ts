import { NotFoundError, Page, pageRequest, toPage } from '@itsm/contracts';
import { ChangeConflictsView, ChangeView, ListChangesQuery } from '@itsm/contracts/transition';
import { recordId } from '@itsm/service-runtime';
import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { DetectChangeConflicts, planned } from '../change-conflicts/detect-change-conflicts.use-case';
import { CHANGE_ITEM_GRAPH, ChangeItemGraph } from '../change-item-graph.lookup';
import { canonicalItemId } from '../change-item-references';
import { withIsoDates } from '../json-dates.mapper';
import { ChangeRepository, StoredChange, changeOf } from '../persistence/change.repository';
import { changeView } from './change-view.mapper';

/** The transition service's change reads, called by the gateway. */
@Controller('v1/changes')
export class ChangeQueryController {
  constructor(
    private readonly changes: ChangeRepository,
    private readonly conflicts: DetectChangeConflicts,
    @Inject(CHANGE_ITEM_GRAPH) private readonly graph: ChangeItemGraph,
  ) {}

  @Get(':id')
  async get(@Param('id') id: string): Promise<ChangeView> {
    return changeView(await this.found(id));
  }

  /** The conflicts of the change's planned window as the calendar stands now (what scheduling would meet). */
  @Get(':id/conflicts')
  async conflictsOf(@Param('id') id: string): Promise<ChangeConflictsView> {
    const change = changeOf(await this.found(id));
    const plannedChange = planned(change);
    const conflicts = plannedChange === undefined ? [] : await this.conflicts.of(plannedChange);
    return withIsoDates({
      changeId: change.changeId,
      state: change.state,
      ...(change.plannedWindow === undefined ? {} : { plannedWindow: change.plannedWindow }),
      conflicts,
    }) as ChangeConflictsView;
  }

  /** Newest first, one page at a time; `itemId` an item's id or external id (`canonicalItemId`). */
  @Get()
  async list(@Query() query: ListChangesQuery): Promise<Page<ChangeView>> {
    const { state, type } = query;
    const itemId = query.itemId === undefined ? undefined : await canonicalItemId(this.graph, query.itemId);
    return toPage(await this.changes.newestFirst({ state, type, itemId }, pageRequest(query)), changeView);
  }

  private async found(id: string): Promise<StoredChange> {
    const record = await this.changes.findById(recordId(id, 'change'));
    if (!record) throw new NotFoundError('change', id);
    return record;
  }
}
