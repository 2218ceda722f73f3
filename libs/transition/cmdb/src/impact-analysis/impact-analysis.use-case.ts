import { NotFoundError } from '@itsm/contracts';
import { IMPACT_DEFAULT_DEPTH, ImpactDirection, ImpactItemView, ImpactStepView, ImpactView, RelationshipType } from '@itsm/contracts/transition';
import { BUSINESS_SERVICE_CLASS, DependencyEdge, walkImpact } from '@itsm/transition/cmdb-domain';
import { Injectable } from '@nestjs/common';
import { ConfigurationItemRepository, ItemSummary } from '../persistence/configuration-item.repository';
import { RelationshipRepository } from '../persistence/relationship.repository';

/**
 * Impact analysis: from an item, upstream to what a failure of it affects (up to the business services
 * and their consumers), or downstream to what it depends on, at most `depth` relationships deep, with a
 * shortest path to each item reached. The walk reads, per depth, the relationships of the items that
 * depth reached (one indexed equality read each), then the items it reached: its cost follows the
 * neighbourhood it visits, not the size of the CMDB (bench/impact measures it).
 */
@Injectable()
export class ImpactAnalysis {
  constructor(
    private readonly items: ConfigurationItemRepository,
    private readonly relationships: RelationshipRepository,
  ) {}

  async analyse(itemId: string, direction: ImpactDirection = 'upstream', depth: number = IMPACT_DEFAULT_DEPTH): Promise<ImpactView> {
    const origin = (await this.items.summaries([itemId])).get(itemId);
    if (!origin) throw new NotFoundError('configuration item', itemId);
    const read = direction === 'upstream' ? (ids: readonly string[]) => this.relationships.dependentsOf(ids) : (ids: readonly string[]) => this.relationships.dependenciesOf(ids);
    const walk = await walkImpact(itemId, direction, depth, read);
    const summaries = await this.items.summaries(walk.reached.map((reach) => reach.itemId));
    // Items are never deleted and a relationship is added between existing items only, so every item reached has a summary.
    const reached = walk.reached.flatMap(({ itemId: id, depth: at, path }) => {
      const summary = summaries.get(id);
      return summary ? [{ item: itemView(summary), depth: at, path: path.map(stepView) }] : [];
    });
    return {
      origin: itemView(origin),
      direction,
      depth,
      reached,
      businessServiceIds: reached.filter(({ item }) => item.classKey === BUSINESS_SERVICE_CLASS).map(({ item }) => item.id),
      truncated: walk.truncated,
    };
  }
}

function itemView({ _id, classKey, name, lifecycleState }: ItemSummary): ImpactItemView {
  return { id: _id, classKey, name, lifecycleState };
}

function stepView({ id, type, from, to }: DependencyEdge): ImpactStepView {
  return { relationshipId: id, type: type as RelationshipType, fromItemId: from, toItemId: to };
}
