import { ForbiddenError, Principal, Role } from '@itsm/contracts';
import { timelineVisibility } from './timeline-visibility';

const actor = (...roles: Role[]): Principal => ({ userId: 'alice', roles, groups: [] });

describe('timelineVisibility', () => {
  it.each<[string, Role[], 'all' | 'public']>([
    ['a requester sees the public entries only (no work notes)', ['requester'], 'public'],
    ['the service desk sees everything', ['service_desk_agent'], 'all'],
    ['a resolver sees everything', ['resolver'], 'all'],
    ['a CSI analyst sees everything', ['csi_analyst'], 'all'],
    ['a requester who is also an agent sees everything', ['requester', 'service_desk_agent'], 'all'],
  ])('%s', (_case, roles, visibility) => {
    expect(timelineVisibility(actor(...roles))).toBe(visibility);
  });

  it('refuses a caller who reads no incidents (403)', () => {
    expect(() => timelineVisibility(actor('change_manager'))).toThrow(ForbiddenError);
  });
});
