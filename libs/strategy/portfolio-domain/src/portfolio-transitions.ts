import { PortfolioState } from '@itsm/contracts/strategy';

/** The portfolio decisions an approver can take, and the stages each one leads from and to. */
export const PORTFOLIO_DECISIONS = {
  /** Approve a proposal: the service is built and enters the catalogue stage. */
  charter: { from: ['pipeline'], to: 'catalogue' },
  /** Retire a live service, or abandon a proposal. */
  retire: { from: ['pipeline', 'catalogue'], to: 'retired' },
} as const satisfies Record<string, { from: readonly PortfolioState[]; to: PortfolioState }>;

export type PortfolioDecision = keyof typeof PORTFOLIO_DECISIONS;

/** The stage a decision leads to from `state`, or why it cannot be taken. */
export function decidePortfolio(state: PortfolioState, decision: PortfolioDecision): { to: PortfolioState } | { refused: string } {
  const rule = PORTFOLIO_DECISIONS[decision];
  if ((rule.from as readonly PortfolioState[]).includes(state)) return { to: rule.to };
  return { refused: `a service in ${state} cannot be ${decision === 'charter' ? 'chartered' : 'retired'} (only from ${rule.from.join(' or ')})` };
}
