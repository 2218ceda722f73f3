/** A relationship as the walk crosses it: as stored (`from` → `to`) and by which end depends on which. */
export interface DependencyEdge {
  id: string;
  type: string;
  from: string;
  to: string;
  dependent: string;
  dependency: string;
}

export type WalkDirection = 'upstream' | 'downstream';

/**
 * The relationships that touch the given items on the side the walk leaves them by: upstream those
 * whose `dependency` is one of them, downstream those whose `dependent` is. Called once per depth with
 * that depth's newly reached items, so a store reads only the neighbourhood.
 */
export type EdgeReader = (itemIds: readonly string[]) => Promise<readonly DependencyEdge[]>;

export interface ImpactReach {
  itemId: string;
  /** Relationships from the origin (1 = a direct neighbour). */
  depth: number;
  /** One shortest path, the origin's relationship first. */
  path: DependencyEdge[];
}

export interface ImpactWalk {
  /** Every item reached within the depth, nearest first (the origin excluded). */
  reached: ImpactReach[];
  /** Items were reached at the depth limit, whose own neighbours the walk did not look at. */
  truncated: boolean;
}

/**
 * Breadth-first walk from `originId`, upstream (to what depends on it: the items a failure of it
 * affects, up to the business services and their consumers) or downstream (to what it depends on), at
 * most `maxDepth` relationships deep. Each item is visited once, at its least depth, so cycles end the
 * walk instead of looping; of several shortest paths the first read is kept. Reads one batch of
 * relationships per depth (`read`), so its cost follows the items it reaches, not the size of the CMDB.
 */
export async function walkImpact(originId: string, direction: WalkDirection, maxDepth: number, read: EdgeReader): Promise<ImpactWalk> {
  const reachedBy = new Map<string, { depth: number; edge: DependencyEdge; previous: string }>();
  const seen = new Set([originId]);
  let frontier: string[] = [originId];
  let depth = 0;
  while (frontier.length > 0 && depth < maxDepth) {
    depth += 1;
    const next: string[] = [];
    for (const edge of await read(frontier)) {
      const [previous, item] = direction === 'upstream' ? [edge.dependency, edge.dependent] : [edge.dependent, edge.dependency];
      if (seen.has(item)) continue;
      seen.add(item);
      reachedBy.set(item, { depth, edge, previous });
      next.push(item);
    }
    frontier = next;
  }
  const pathTo = (itemId: string): DependencyEdge[] => {
    const path: DependencyEdge[] = [];
    for (let step = reachedBy.get(itemId); step; step = reachedBy.get(step.previous)) path.push(step.edge);
    return path.reverse();
  };
  return {
    reached: [...reachedBy].map(([itemId, { depth: at }]) => ({ itemId, depth: at, path: pathTo(itemId) })),
    truncated: depth === maxDepth && frontier.length > 0,
  };
}
