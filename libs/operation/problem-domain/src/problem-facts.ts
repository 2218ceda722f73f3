import { Priority, ProblemState, RootCauseMethod } from '@itsm/contracts/operation';
import { ProblemReport } from './problem';

interface FactBase {
  readonly at: Date;
  /** User id of who acted. */
  readonly by: string;
}

/**
 * What happened to a problem, in order, as `applyProblemCommand` reports it: each fact is one event
 * `itsm.operation.problem.<type>.v1` (`created` comes from `openProblem`).
 *
 * - `state-changed`: investigation started, closed, cancelled (with the `reason`).
 * - `root-cause-recorded`: the analysis, recorded or revised (moves to Root cause known the first time).
 * - `resolved`: the fix applied; names the linked incidents and whether they are to be resolved with it.
 * - `incident-linked`, `incident-unlinked`: one incident each.
 * - `revised`: the report's fields as they now are, with the priority derived from them.
 */
export type ProblemFact =
  | (FactBase & { readonly type: 'state-changed'; readonly from: ProblemState; readonly to: ProblemState; readonly reason?: string })
  | (FactBase & {
      readonly type: 'root-cause-recorded';
      readonly from: ProblemState;
      readonly to: ProblemState;
      readonly method: RootCauseMethod;
      readonly rootCause: string;
      readonly contributingFactors: readonly string[];
    })
  | (FactBase & {
      readonly type: 'resolved';
      readonly from: ProblemState;
      readonly to: ProblemState;
      readonly fixNotes: string;
      readonly incidentIds: readonly string[];
      readonly resolveLinkedIncidents: boolean;
    })
  | (FactBase & { readonly type: 'incident-linked'; readonly incidentId: string })
  | (FactBase & { readonly type: 'incident-unlinked'; readonly incidentId: string })
  | (FactBase & ProblemReport & { readonly type: 'revised'; readonly priority: Priority });

export type ProblemFactType = ProblemFact['type'];
