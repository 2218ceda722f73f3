import { changeItemIssues } from './change-items';

const STATES = { 'ci-app': 'operational', 'ci-new': 'planned', 'ci-old': 'retired' };

describe('changeItemIssues', () => {
  it.each([
    ['items in the CMDB and not retired', ['ci-app', 'ci-new'], [], []],
    ['no items', [], [], []],
    ['an unknown item', ['ci-app', 'ci-none'], [], [{ field: 'itemIds', messages: ['no configuration item of the CMDB has the id ci-none'] }]],
    ['a retired item', ['ci-old'], [], [{ field: 'itemIds', messages: ['the configuration item ci-old is retired'] }]],
    ['each bad item once', ['ci-old', 'ci-none', 'ci-none'], [], [{ field: 'itemIds', messages: ['the configuration item ci-old is retired', 'no configuration item of the CMDB has the id ci-none'] }]],
    ['a retired item the change named already (a replan keeps it)', ['ci-old', 'ci-app'], ['ci-old'], []],
    ['a retired item added by a replan', ['ci-app', 'ci-old'], ['ci-app'], [{ field: 'itemIds', messages: ['the configuration item ci-old is retired'] }]],
  ])('%s', (_case, itemIds, kept, expected) => {
    expect(changeItemIssues('itemIds', itemIds, STATES, kept)).toEqual(expected);
  });
});
