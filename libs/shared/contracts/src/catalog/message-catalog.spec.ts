import { readFileSync } from 'node:fs';
import path from 'node:path';
import { MESSAGE_CATALOG, findMessageDefinition } from './message-catalog';

describe('MESSAGE_CATALOG', () => {
  it('has unique, versioned types', () => {
    const types = MESSAGE_CATALOG.map((definition) => definition.type);
    expect(new Set(types).size).toBe(types.length);
    for (const type of types) expect(type).toMatch(/^itsm\.[a-z]+(\.[a-z][a-z-]*)+\.v[1-9][0-9]*$/);
  });

  it('finds definitions by type', () => {
    for (const definition of MESSAGE_CATALOG) expect(findMessageDefinition(definition.type)).toBe(definition);
    expect(findMessageDefinition('itsm.nobody.thing.done.v1')).toBeUndefined();
  });

  it('documents every event for outside subscribers in docs/EVENTS.md', () => {
    const guide = readFileSync(path.resolve(__dirname, '../../../../../docs/EVENTS.md'), 'utf8');
    for (const event of MESSAGE_CATALOG.filter((definition) => definition.kind === 'event')) expect(guide).toContain(`\`${event.type}\``);
  });
});
