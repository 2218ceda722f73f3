import { policyNamed, isAllowed } from '@itsm/access';
import { ForbiddenError, NotFoundError, RuleViolationError, StateConflictError } from '@itsm/contracts';
import { INCIDENT_COMMANDS, SYSTEM_ACTOR, SystemActor } from '@itsm/operation/incident-domain';
import { Injectable } from '@nestjs/common';
import { ChangeIncident, ChangedIncident, IncidentChangeOrigin } from '../change-incident/change-incident.use-case';
import { IncidentLifecycleRepository } from '../persistence/incident-lifecycle.repository';

/** A child as its parent's records name it. */
interface ChildRef {
  childId: string;
  childNumber: string;
}

/**
 * Links a child incident to a parent and unlinks it (`link-parent` / `unlink-parent` of
 * `@itsm/operation/incident-domain`, rules in its `incident-parent.ts`: one level deep, no self link, open
 * incidents only). The link is stored on the child (`parentId`, a top-level field the children are listed
 * by) in the child's guarded update, with its `parent-linked` event and timeline entry; the parent then
 * records the child (`child-linked`, as the operation service, in its own guarded update, decided again on a
 * newer version when another writer got there first).
 *
 * No transaction spans the two documents, so the rule "a parent has no parent" is held by the order of the
 * writes: the parent's record is refused (409) when the parent became a child, or stopped being open, after
 * the child's link was checked; the link is then taken back (`unlink-parent` by the operation service) and
 * the caller answered 409. A parent's own link to another parent, racing the other way, is refused by the
 * version its child check read (the child's record bumped it). Known limit: a process that dies between the
 * two writes leaves the child linked without the parent's timeline entry (and without that re-check).
 */
@Injectable()
export class LinkParentIncident {
  constructor(
    private readonly incidents: IncidentLifecycleRepository,
    private readonly changeIncident: ChangeIncident,
  ) {}

  /**
   * Makes `childId` (at `expectedVersion`) a child of `parentId`; a child moved from another parent leaves
   * it (`child-unlinked` on the former parent). Answers the child as changed.
   *
   * @throws ForbiddenError (403) without the `incidents.work` policy (before saying whether the parent exists), and the lifecycle's who-checks on the child
   * @throws RuleViolationError (400, `parentId`) no such parent, itself, a child with children, a parent not open or a child itself, the parent it already has
   * @throws VersionConflictError / StateConflictError (409) stale version, a child not open, a parent that changed meanwhile (the link taken back)
   */
  async link(childId: string, expectedVersion: number, parentId: string, origin: IncidentChangeOrigin): Promise<ChangedIncident> {
    assertMayLink(origin);
    const parent = await this.incidents.findForChange(parentId);
    if (!parent) throw RuleViolationError.of('parentId', `no incident has the id ${parentId}`);
    const [childCount, parentChildCount] = await Promise.all([this.incidents.countChildren(childId), this.incidents.countChildren(parentId)]);
    const { number, state } = parent.incident;
    const linked = await this.changeIncident.execute(
      childId,
      expectedVersion,
      { kind: 'link-parent', parent: { incidentId: parentId, number, state, parentId: parent.incident.parentId, childCount: parentChildCount }, childCount },
      origin,
    );
    const child: ChildRef = { childId, childNumber: linked.incident.number };
    try {
      await this.changeIncident.execute(parentId, undefined, { kind: 'child-linked', ...child }, systemOrigin(origin));
    } catch (error) {
      if (!(error instanceof StateConflictError)) throw error;
      await this.changeIncident.execute(childId, undefined, { kind: 'unlink-parent' }, systemOrigin(origin));
      throw new StateConflictError(`${number} stopped taking children while ${child.childNumber} was linked to it (closed, or linked to a parent itself); the link was taken back`);
    }
    const moved = linked.facts.find((fact) => fact.type === 'parent-linked');
    if (moved?.type === 'parent-linked' && moved.previousParentId !== undefined) await this.recordLeft(moved.previousParentId, child, origin);
    return linked;
  }

  /**
   * Unlinks `childId` (at `expectedVersion`) from its parent, which records that the child left it.
   * Answers the child as changed.
   *
   * @throws the lifecycle's errors: 403/404 who, 409 stale or no parent, a closed or cancelled child
   */
  async unlink(childId: string, expectedVersion: number, origin: IncidentChangeOrigin): Promise<ChangedIncident> {
    const unlinked = await this.changeIncident.execute(childId, expectedVersion, { kind: 'unlink-parent' }, origin);
    const left = unlinked.facts.find((fact) => fact.type === 'parent-unlinked');
    if (left?.type === 'parent-unlinked') await this.recordLeft(left.parentId, { childId, childNumber: unlinked.incident.number }, origin);
    return unlinked;
  }

  /** The former parent records that the child left (nothing when the parent is gone). */
  private async recordLeft(parentId: string, child: ChildRef, origin: IncidentChangeOrigin): Promise<void> {
    try {
      await this.changeIncident.execute(parentId, undefined, { kind: 'child-unlinked', ...child }, systemOrigin(origin));
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
    }
  }
}

/** Linking is the lifecycle's `link-parent`: its policy is checked before the parent is looked up, so whether an id exists is told only to who may link. */
function assertMayLink({ actor }: IncidentChangeOrigin): void {
  const policy = policyNamed(INCIDENT_COMMANDS['link-parent'].policy ?? 'incidents.work');
  if (actor !== SYSTEM_ACTOR && !isAllowed(actor as Exclude<typeof actor, SystemActor>, policy)) {
    throw new ForbiddenError(`linking a parent requires one of the roles: ${policy.roles.join(', ')}`);
  }
}

/** The operation service's own changes a person's command causes, in the same correlation. */
function systemOrigin(origin: IncidentChangeOrigin): IncidentChangeOrigin {
  return { actor: SYSTEM_ACTOR, correlationId: origin.correlationId, causationId: origin.causationId };
}
