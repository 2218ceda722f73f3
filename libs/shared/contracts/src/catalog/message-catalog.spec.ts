import { readFileSync } from 'node:fs';
import path from 'node:path';
import { isRecordType } from '../identity/record-types';
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

  it('names the record type of every message\'s subject, one the access rules know', () => {
    for (const definition of MESSAGE_CATALOG) expect({ type: definition.type, known: isRecordType(definition.recordType) }).toEqual({ type: definition.type, known: true });
    expect(isRecordType('incident')).toBe(true);
    expect(isRecordType('invoice')).toBe(false);
    expect(isRecordType(undefined)).toBe(false);
  });

  it.each([
    ['itsm.operation.incident.created.v1', 'incident'],
    ['itsm.design.service.revised.v1', 'catalogue-service'],
    ['itsm.strategy.service.chartered.v1', 'portfolio-service'],
    ['itsm.strategy.budget.set.v1', 'budget'],
    ['itsm.strategy.cost.recorded.v1', 'cost-entry'],
  ])('%s is about a %s', (type, recordType) => {
    expect(findMessageDefinition(type)?.recordType).toBe(recordType);
  });

  it('documents every event for outside subscribers in docs/EVENTS.md', () => {
    const guide = readFileSync(path.resolve(__dirname, '../../../../../docs/EVENTS.md'), 'utf8');
    for (const event of MESSAGE_CATALOG.filter((definition) => definition.kind === 'event')) expect(guide).toContain(`\`${event.type}\``);
  });
});
