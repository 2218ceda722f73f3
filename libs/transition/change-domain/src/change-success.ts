import { ClosureCode } from '@itsm/contracts/transition';
import { SUCCESSFUL_CLOSURE_CODES } from './change-model';

/** Closed changes counted by closure code, and the share that succeeded. */
export interface ChangeSuccessRate {
  readonly closed: number;
  readonly successful: number;
  /** successful / closed, 0..1; null when nothing was closed (no rate, rather than 0 % or 100 %). */
  readonly rate: number | null;
}

/**
 * The change success rate (a CSI KPI of the shared domain rules) over closed changes' codes:
 * `successful` and `successful_with_issues` count as successes, `failed` and `backed_out` do not.
 */
export function changeSuccessRate(codes: readonly ClosureCode[]): ChangeSuccessRate {
  const successful = codes.filter((code) => SUCCESSFUL_CLOSURE_CODES.includes(code)).length;
  return { closed: codes.length, successful, rate: codes.length === 0 ? null : successful / codes.length };
}
