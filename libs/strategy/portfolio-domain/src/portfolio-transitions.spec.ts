import { decidePortfolio } from './portfolio-transitions';

describe('portfolio decisions', () => {
  it.each([
    ['pipeline', 'charter', 'catalogue'],
    ['pipeline', 'retire', 'retired'],
    ['catalogue', 'retire', 'retired'],
  ] as const)('%s --%s--> %s', (state, decision, to) => {
    expect(decidePortfolio(state, decision)).toEqual({ to });
  });

  it.each([
    ['catalogue', 'charter'],
    ['retired', 'charter'],
    ['retired', 'retire'],
  ] as const)('refuses to %2$s a service in %1$s, saying why', (state, decision) => {
    const outcome = decidePortfolio(state, decision);
    expect(outcome).toHaveProperty('refused');
    expect((outcome as { refused: string }).refused).toContain(state);
  });
});
