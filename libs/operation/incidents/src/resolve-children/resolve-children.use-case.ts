import { StateConflictError } from '@itsm/contracts';
import { SYSTEM_ACTOR, childResolveCommand } from '@itsm/operation/incident-domain';
import { Injectable, Logger } from '@nestjs/common';
import { ChangeIncident, ChangedIncident } from '../change-incident/change-incident.use-case';
import { IncidentLifecycleRepository } from '../persistence/incident-lifecycle.repository';

/**
 * The cascade of a parent incident (`childResolveCommand` of `@itsm/operation/incident-domain`): when a
 * parent is resolved or closed, each of its children still open is resolved with the parent's resolution
 * code and a note naming the parent, by the operation service (`resolve-with-parent`), each in its own
 * guarded update with its own events. Resolved, not closed: the child's caller may still reopen it.
 *
 * Crash-safe and idempotent: the parent's resolution or closure marks it `childCascadePending` in the same
 * update (ChangeIncident), and the mark is removed only after every open child was resolved; a run cut short
 * is finished by `ChildCascadeSweep`, and a child already resolved, closed or cancelled is left as it is.
 */
@Injectable()
export class ResolveChildren {
  private readonly logger = new Logger(ResolveChildren.name);

  constructor(
    private readonly incidents: IncidentLifecycleRepository,
    private readonly changeIncident: ChangeIncident,
  ) {}

  /**
   * Resolves the open children of `parentId` if it is resolved or closed, then ends its cascade (at the
   * version read: a later resolution or closure runs again). Returns how many children it resolved.
   *
   * @throws whatever a child's change throws but a child no longer open (409 state): the mark stays, the sweep retries
   */
  async run(parentId: string, origin: { correlationId?: string; causationId?: string } = {}, now = new Date()): Promise<number> {
    const parent = await this.incidents.findForChange(parentId);
    if (!parent) return 0;
    const { state, resolution, number } = parent.incident;
    let resolved = 0;
    if ((state === 'resolved' || state === 'closed') && resolution !== undefined) {
      for (const child of await this.incidents.openChildren(parentId)) {
        const command = childResolveCommand(child.state, { parentNumber: number, code: resolution.code, notes: resolution.notes });
        if (command === undefined) continue;
        try {
          await this.changeIncident.execute(child.incidentId, undefined, { ...command, kind: 'resolve-with-parent' }, { actor: SYSTEM_ACTOR, ...origin }, now);
          resolved += 1;
        } catch (error) {
          // Resolved, closed or cancelled on its own since the lookup: it keeps its own outcome.
          if (!(error instanceof StateConflictError)) throw error;
        }
      }
    }
    await this.incidents.endChildCascade(parentId, parent.version);
    return resolved;
  }

  /**
   * The cascade right after a person's change of `changed` (a resolution or closure), so the children are
   * resolved when the caller is answered. A failure is logged, not answered: the parent's change is written,
   * and the sweep finishes the cascade.
   */
  async after(changed: ChangedIncident, correlationId?: string): Promise<void> {
    if (!changed.facts.some((fact) => fact.type === 'resolved' || fact.type === 'closed')) return;
    try {
      await this.run(changed.incident.incidentId, { correlationId });
    } catch (error) {
      this.logger.warn(`the children of incident ${changed.incident.number} are resolved by the next sweep: ${String(error)}`);
    }
  }
}
