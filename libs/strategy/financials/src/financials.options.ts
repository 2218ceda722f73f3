/** How the financials are configured by the app that hosts them. */
export interface FinancialsOptions {
  /** ISO 4217 code of every amount kept and reported; one currency per platform. */
  currency: string;
}

export const FINANCIALS_OPTIONS = Symbol('FINANCIALS_OPTIONS');
