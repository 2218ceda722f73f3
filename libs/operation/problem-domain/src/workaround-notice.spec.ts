import { INCIDENT_LIMITS } from '@itsm/contracts/operation';
import { workaroundNotice } from './workaround-notice';

describe('workaroundNotice', () => {
  const published = { knownErrorId: 'k-1', version: 3, title: 'Relay drops mail', problemNumber: 'PRB0000007', text: 'Send through webmail' };

  it.each<[string, typeof published, { key: string; note: string }]>([
    ['names the known error and problem, keyed by known error and version', published, { key: 'workaround:k-1:3', note: 'Workaround (known error "Relay drops mail", problem PRB0000007): Send through webmail' }],
    ['a later publication is another notice', { ...published, version: 4 }, { key: 'workaround:k-1:4', note: 'Workaround (known error "Relay drops mail", problem PRB0000007): Send through webmail' }],
  ])('%s', (_case, input, expected) => {
    expect(workaroundNotice(input)).toEqual(expected);
  });

  it('cuts a long workaround to what a work note holds', () => {
    expect(workaroundNotice({ ...published, text: 'x'.repeat(INCIDENT_LIMITS.noteMaxLength) }).note).toHaveLength(INCIDENT_LIMITS.noteMaxLength);
  });
});
