import { isAllowed, policyNamed } from '@itsm/access';
import { ForbiddenError, MessageDefinition, RuleViolationError, createCloudEvent, uuidV7 } from '@itsm/contracts';
import {
  PlanReleaseRequest,
  RELEASE_CHANGED_V1,
  RELEASE_DEPLOYED_V1,
  RELEASE_PLANNED_V1,
  RELEASE_STAGE_CHANGED_V1,
  ReleaseV1,
} from '@itsm/contracts/transition';
import { VersionedState, expectVersion } from '@itsm/persistence';
import { RequestOrigin } from '@itsm/service-runtime';
import { ReleaseCommand, ReleaseCommandKind, applyReleaseCommand, planRelease } from '@itsm/transition/change-domain';
import { Injectable } from '@nestjs/common';
import { withIsoDates } from '../json-dates.mapper';
import { ChangeRepository } from '../persistence/change.repository';
import { ReleaseFields, ReleaseRepository, StoredRelease, releaseFields, releaseOf } from '../persistence/release.repository';

/** The event each release command emits. */
const EVENT_OF_COMMAND: Readonly<Record<ReleaseCommandKind, MessageDefinition<ReleaseV1>>> = {
  bundle: RELEASE_CHANGED_V1,
  unbundle: RELEASE_CHANGED_V1,
  advance: RELEASE_STAGE_CHANGED_V1,
  cancel: RELEASE_STAGE_CHANGED_V1,
  'record-deployment': RELEASE_DEPLOYED_V1,
};

/** Releases: planned with existing changes, then moved by `applyReleaseCommand`, each command a new version and an event. */
@Injectable()
export class ManageRelease {
  constructor(
    private readonly releases: ReleaseRepository,
    private readonly changes: ChangeRepository,
  ) {}

  /** 403 without `releases.manage`; 400 naming `changeIds` for a change that does not exist. */
  async plan(request: PlanReleaseRequest, origin: RequestOrigin): Promise<StoredRelease> {
    if (!isAllowed(origin.actor, policyNamed('releases.manage'))) throw new ForbiddenError(`${origin.actorId} may not plan releases`);
    await this.requireChanges(request.changeIds);
    const release = planRelease(uuidV7(), request.name, request.changeIds, new Date());
    const written = await this.releases.define(release.releaseId, releaseFields(release), (state) => [releaseEvent(RELEASE_PLANNED_V1, state, origin)]);
    return written.record;
  }

  /** The release after `command` (over `expectedVersion` when given); a bundled change must exist. */
  async command(id: string, command: ReleaseCommand, expectedVersion: number | undefined, origin: RequestOrigin): Promise<StoredRelease> {
    if (command.kind === 'bundle') await this.requireChanges([command.changeId]);
    const written = await this.releases.revise(
      id,
      (current) => {
        if (expectedVersion !== undefined) expectVersion(current, expectedVersion);
        return releaseFields(applyReleaseCommand(releaseOf(current), command, origin.actor, new Date()));
      },
      (state) => [releaseEvent(EVENT_OF_COMMAND[command.kind], state, origin)],
    );
    return written.record;
  }

  private async requireChanges(changeIds: readonly string[]): Promise<void> {
    const existing = await this.changes.existingIds(changeIds);
    const unknown = changeIds.filter((changeId) => !existing.has(changeId));
    if (unknown.length > 0) throw RuleViolationError.of('changeIds', `no change has the id ${unknown.join(', ')}`);
  }
}

function releaseEvent(definition: MessageDefinition<ReleaseV1>, state: VersionedState<ReleaseFields>, origin: RequestOrigin) {
  const payload = { ...withIsoDates(state.fields), releaseId: state.id, version: state.version } as ReleaseV1;
  return createCloudEvent(definition, state.id, payload, { service: 'transition', ...origin }, state.at);
}
