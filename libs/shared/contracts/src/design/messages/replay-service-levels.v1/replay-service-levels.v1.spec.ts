import { validatePlain } from '../../../validation/validate-plain';
import { ReplayServiceLevelsV1 } from './replay-service-levels.v1';

describe('ReplayServiceLevelsV1', () => {
  it.each([
    ['itsm.operation.events', true],
    ['itsm.transition.events', true],
    ['itsm.service-desk.events', true],
    // Never a work queue or a parking queue: a replay must not land among commands or parked messages.
    ['itsm.operation.incident-intake', false],
    ['itsm.operation.parking', false],
    ['itsm.design.service-level-replay', false],
    ['itsm.events', false],
    ['amq.gen-xyz', false],
    ['', false],
  ])('replyTo %p is accepted: %p', (replyTo, accepted) => {
    expect(validatePlain(ReplayServiceLevelsV1, { replyTo }).ok).toBe(accepted);
  });

  it('requires replyTo', () => {
    expect(validatePlain(ReplayServiceLevelsV1, {}).ok).toBe(false);
  });
});
