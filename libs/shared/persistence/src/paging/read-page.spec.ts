import { afterPosition } from './read-page';

describe('afterPosition', () => {
  it('is one range for an order of one field, in its direction', () => {
    expect(afterPosition([['_id', -1]], ['b'])).toEqual({ _id: { $lt: 'b' } });
    expect(afterPosition([['_id', 1]], ['b'])).toEqual({ _id: { $gt: 'b' } });
  });

  it('is later in the first field, or equal in it and later in the next, for a longer order', () => {
    expect(afterPosition([['name', 1], ['_id', 1]], ['Email', 'id-7'])).toEqual({
      $or: [{ name: { $gt: 'Email' } }, { name: 'Email', _id: { $gt: 'id-7' } }],
    });
  });

  it('follows each field\'s own direction', () => {
    expect(afterPosition([['serviceId', 1], ['firstMonth', -1], ['_id', 1]], ['s', 24_315, 's:2026'])).toEqual({
      $or: [{ serviceId: { $gt: 's' } }, { serviceId: 's', firstMonth: { $lt: 24_315 } }, { serviceId: 's', firstMonth: 24_315, _id: { $gt: 's:2026' } }],
    });
  });

  it('compares a date key as a Date again, from the epoch ms a cursor carries it as', () => {
    const due = Date.parse('2026-11-23T09:00:00Z');
    expect(afterPosition([['slaNextDueAt', 1, 'date'], ['_id', 1]], [due, 'id-7'])).toEqual({
      $or: [{ slaNextDueAt: { $gt: new Date(due) } }, { slaNextDueAt: new Date(due), _id: { $gt: 'id-7' } }],
    });
  });

  it('refuses keys that do not fit the order (a query class and a repository that disagree)', () => {
    expect(() => afterPosition([['name', 1], ['_id', 1]], ['id-7'])).toThrow('a cursor of 1 keys for an order of 2 fields (name, _id)');
  });
});
