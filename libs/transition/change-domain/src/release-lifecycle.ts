import { PolicyName, isAllowed, policyNamed } from '@itsm/access';
import { ForbiddenError, Principal, RuleViolationError, StateConflictError } from '@itsm/contracts';
import { DEPLOYMENT_OUTCOMES, DeploymentOutcome, ReleaseStage } from '@itsm/contracts/transition';

/** The stages a release moves through one by one with `advance` (closed ends it). */
export const RELEASE_PATH: readonly ReleaseStage[] = ['planning', 'build', 'test', 'deployment', 'review', 'closed'];

/** One deployment of the release to an environment, as recorded (every attempt, failed ones too). */
export interface Deployment {
  readonly environment: string;
  readonly outcome: DeploymentOutcome;
  readonly notes: string;
  readonly deployedAt: Date;
  readonly deployedBy: string;
}

export interface Release {
  readonly releaseId: string;
  readonly name: string;
  readonly stage: ReleaseStage;
  /** The bundled changes (ids). */
  readonly changeIds: readonly string[];
  readonly deployments: readonly Deployment[];
  readonly review?: { readonly summary: string; readonly reviewedAt: Date; readonly reviewedBy: string };
  readonly cancellation?: { readonly reason: string; readonly cancelledAt: Date; readonly cancelledBy: string };
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

/**
 * What a caller asks of a release:
 * - `bundle` / `unbundle`: add or remove a change (`changeId`), while planning or building;
 * - `advance`: to the next stage; into review only after a successful deployment; out of review (closed)
 *   with the review's `summary`;
 * - `record-deployment`: a deployment to `environment` with its `outcome`, during the deployment stage;
 * - `cancel`: with a `reason`, before review.
 */
export type ReleaseCommand =
  | { readonly kind: 'bundle'; readonly changeId: string }
  | { readonly kind: 'unbundle'; readonly changeId: string }
  | { readonly kind: 'advance'; readonly summary?: string }
  | { readonly kind: 'record-deployment'; readonly environment: string; readonly outcome: DeploymentOutcome; readonly notes?: string }
  | { readonly kind: 'cancel'; readonly reason: string };

export type ReleaseCommandKind = ReleaseCommand['kind'];

/** Where each command may run and who may run it (`releases.manage` plans and moves; `releases.deploy` records deployments). */
export const RELEASE_COMMANDS: Readonly<Record<ReleaseCommandKind, { readonly from: readonly ReleaseStage[]; readonly policy: PolicyName }>> = {
  bundle: { from: ['planning', 'build'], policy: 'releases.manage' },
  unbundle: { from: ['planning', 'build'], policy: 'releases.manage' },
  advance: { from: ['planning', 'build', 'test', 'deployment', 'review'], policy: 'releases.manage' },
  'record-deployment': { from: ['deployment'], policy: 'releases.deploy' },
  cancel: { from: ['planning', 'build', 'test', 'deployment'], policy: 'releases.manage' },
};

/** A new release in planning. `RuleViolationError` naming `name` when blank. */
export function planRelease(releaseId: string, name: string, changeIds: readonly string[], now: Date): Release {
  return { releaseId, name: required(name, 'name'), stage: 'planning', changeIds: [...new Set(changeIds)], deployments: [], createdAt: now, updatedAt: now };
}

/**
 * The release after `command` by `actor` at `now`. `ForbiddenError` without the command's policy;
 * `StateConflictError` outside its stages, for a change bundled twice or not bundled, or advancing to
 * review with no successful deployment; `RuleViolationError` for blank texts, an unknown outcome, closing without a summary.
 */
export function applyReleaseCommand(release: Release, command: ReleaseCommand, actor: Principal, now: Date): Release {
  const rule = Object.hasOwn(RELEASE_COMMANDS, command.kind) ? RELEASE_COMMANDS[command.kind] : undefined;
  if (rule === undefined) throw RuleViolationError.of('kind', `kind must be one of ${Object.keys(RELEASE_COMMANDS).join(', ')}`);
  if (!isAllowed(actor, policyNamed(rule.policy))) throw new ForbiddenError(`${actor.userId} may not ${command.kind} releases`);
  if (!rule.from.includes(release.stage)) throw new StateConflictError(`${command.kind} is not allowed on release ${release.name} in ${release.stage} (only in ${rule.from.join(', ')})`);
  const at = new Date(Math.max(now.getTime(), release.updatedAt.getTime()));
  const changed = (fields: Partial<Release>): Release => ({ ...release, ...fields, updatedAt: at });
  switch (command.kind) {
    case 'bundle':
      if (release.changeIds.includes(command.changeId)) throw new StateConflictError(`change ${command.changeId} is already in release ${release.name}`);
      return changed({ changeIds: [...release.changeIds, command.changeId] });
    case 'unbundle':
      if (!release.changeIds.includes(command.changeId)) throw new StateConflictError(`change ${command.changeId} is not in release ${release.name}`);
      return changed({ changeIds: release.changeIds.filter((id) => id !== command.changeId) });
    case 'advance':
      return advance(release, command.summary, actor.userId, at);
    case 'record-deployment':
      if (!(DEPLOYMENT_OUTCOMES as readonly string[]).includes(command.outcome)) throw RuleViolationError.of('outcome', `outcome must be one of ${DEPLOYMENT_OUTCOMES.join(', ')}`);
      return changed({
        deployments: [
          ...release.deployments,
          { environment: required(command.environment, 'environment'), outcome: command.outcome, notes: command.notes?.trim() ?? '', deployedAt: at, deployedBy: actor.userId },
        ],
      });
    case 'cancel':
      return changed({ stage: 'cancelled', cancellation: { reason: required(command.reason, 'reason'), cancelledAt: at, cancelledBy: actor.userId } });
  }
}

function advance(release: Release, summary: string | undefined, by: string, at: Date): Release {
  const next = RELEASE_PATH[RELEASE_PATH.indexOf(release.stage) + 1] as ReleaseStage;
  if (next === 'build' && release.changeIds.length === 0) throw new StateConflictError(`release ${release.name} bundles no change yet`);
  if (next === 'review' && !release.deployments.some((deployment) => deployment.outcome === 'succeeded')) {
    throw new StateConflictError(`release ${release.name} has no successful deployment to review`);
  }
  if (next === 'closed') {
    return { ...release, stage: next, review: { summary: required(summary ?? '', 'summary'), reviewedAt: at, reviewedBy: by }, updatedAt: at };
  }
  return { ...release, stage: next, updatedAt: at };
}

function required(text: string, field: string): string {
  const trimmed = text.trim();
  if (trimmed === '') throw RuleViolationError.of(field, `${field} must not be blank`);
  return trimmed;
}
