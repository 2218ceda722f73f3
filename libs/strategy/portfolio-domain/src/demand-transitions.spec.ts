import { assessDemand, decideDemand } from './demand-transitions';

describe('demand transitions', () => {
  it.each(['recorded', 'assessed'] as const)('assesses a %s demand', (state) => {
    expect(assessDemand(state)).toEqual({ to: 'assessed' });
  });

  it.each(['approved', 'rejected'] as const)('refuses to assess a %s demand, saying why', (state) => {
    const move = assessDemand(state);
    expect(move).toHaveProperty('refused');
    expect((move as { refused: string }).refused).toMatch(new RegExp(`${state}.*already been decided`));
  });

  it.each(['approved', 'rejected'] as const)('decides an assessed demand: %s', (outcome) => {
    expect(decideDemand('assessed', outcome)).toEqual({ to: outcome });
  });

  it('refuses to decide a demand before it is assessed', () => {
    expect(decideDemand('recorded', 'approved')).toEqual({ refused: expect.stringContaining('before it is assessed') });
  });

  it.each([
    ['approved', 'rejected'],
    ['rejected', 'approved'],
    ['approved', 'approved'],
  ] as const)('refuses to decide a %s demand again (%s)', (state, outcome) => {
    expect(decideDemand(state, outcome)).toEqual({ refused: expect.stringMatching(new RegExp(`${state}.*final`)) });
  });
});
