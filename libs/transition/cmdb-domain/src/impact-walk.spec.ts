import { dependencyOf } from './relationship-rules';
import { DependencyEdge, WalkDirection, walkImpact } from './impact-walk';

/** `a>b` reads "a depends on b". */
function graph(...arrows: string[]): DependencyEdge[] {
  return arrows.map((arrow) => {
    const [from = '', to = ''] = arrow.split('>');
    return { id: arrow, type: 'depends_on', from, to, ...dependencyOf('depends_on', from, to) };
  });
}

/** Reads as a store does, and records each batch, so a test sees the reads the walk made. */
function reader(edges: readonly DependencyEdge[], direction: WalkDirection) {
  const batches: string[][] = [];
  const read = async (ids: readonly string[]) => {
    batches.push([...ids]);
    return edges.filter((edge) => ids.includes(direction === 'upstream' ? edge.dependency : edge.dependent));
  };
  return { read, batches };
}

async function walk(edges: DependencyEdge[], origin: string, direction: WalkDirection, depth: number) {
  const { read, batches } = reader(edges, direction);
  const result = await walkImpact(origin, direction, depth, read);
  return {
    reached: Object.fromEntries(result.reached.map((reach) => [reach.itemId, `${reach.depth}:${reach.path.map((edge) => edge.id).join(',')}`])),
    truncated: result.truncated,
    batches,
  };
}

describe('walkImpact', () => {
  // svc depends on app, app on db and server, db on server: a diamond.
  const diamond = graph('svc>app', 'app>db', 'app>server', 'db>server', 'consumer>svc');

  it.each([
    ['upstream from the server: everything above it, by the shortest path', diamond, 'server', 'upstream', 6, { app: '1:app>server', db: '1:db>server', svc: '2:app>server,svc>app', consumer: '3:app>server,svc>app,consumer>svc' }, false],
    ['downstream from the consumer: everything below it', diamond, 'consumer', 'downstream', 6, { svc: '1:consumer>svc', app: '2:consumer>svc,svc>app', db: '3:consumer>svc,svc>app,app>db', server: '3:consumer>svc,svc>app,app>server' }, false],
    ['a depth limit stops the walk and says so', diamond, 'server', 'upstream', 1, { app: '1:app>server', db: '1:db>server' }, true],
    ['items reached at the limit count as a truncation (their neighbours were not read)', diamond, 'db', 'upstream', 3, { app: '1:app>db', svc: '2:app>db,svc>app', consumer: '3:app>db,svc>app,consumer>svc' }, true],
    ['nothing upstream of the top', diamond, 'consumer', 'upstream', 6, {}, false],
    ['a cycle ends instead of looping', graph('a>b', 'b>c', 'c>a'), 'a', 'upstream', 12, { c: '1:c>a', b: '2:c>a,b>c' }, false],
    ['two items depending on each other', graph('a>b', 'b>a'), 'a', 'downstream', 12, { b: '1:a>b' }, false],
  ] as const)('%s', async (_case, edges, origin, direction, depth, reached, truncated) => {
    const result = await walk([...edges], origin, direction, depth);
    expect(result.reached).toEqual(reached);
    expect(result.truncated).toBe(truncated);
  });

  it('reads once per depth, only the items newly reached', async () => {
    const { batches } = await walk(diamond, 'server', 'upstream', 6);
    expect(batches).toEqual([['server'], ['app', 'db'], ['svc'], ['consumer']]);
  });

  it('lists the nearest items first', async () => {
    const { reached } = await walkImpact('server', 'upstream', 6, reader(diamond, 'upstream').read);
    expect(reached.map((reach) => reach.depth)).toEqual([1, 1, 2, 3]);
  });

  it('reads as many batches as depths in a long chain, however long the rest of the graph', async () => {
    const chain = graph(...Array.from({ length: 50 }, (_, index) => `n${index + 1}>n${index}`));
    const { batches, reached, truncated } = await walk(chain, 'n0', 'upstream', 5);
    expect(batches).toHaveLength(5);
    expect(Object.keys(reached)).toEqual(['n1', 'n2', 'n3', 'n4', 'n5']);
    expect(truncated).toBe(true);
  });
});
