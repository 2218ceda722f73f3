import { VersionConflictError } from '@itsm/contracts';
import { CalendarRevisions, ServiceLevelCatalog } from '@itsm/operation/service-levels';
import { RecordSlas, advanceSlas } from '@itsm/operation/sla-domain';
import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { ChangeIncident } from '../change-incident/change-incident.use-case';
import { ClocksForReplan, IncidentLifecycleRepository } from '../persistence/incident-lifecycle.repository';

/** Incidents re-planned per write: one lease insertMany, one bulkWrite, one lease deleteMany each. */
export const REPLAN_BATCH = 500;

/** Reads of a batch's clocks (one `findOne` by id each) in flight at once. */
export const REPLAN_READ_CONCURRENCY = 16;

/** What a re-plan did: incidents whose due times it wrote in batches, advanced one by one (something fired, or a batch write lost), or left (another writer won). */
export interface ReplanOutcome {
  replanned: number;
  advanced: number;
  left: number;
}

/**
 * Re-plans the running SLA clocks on a calendar when a revision of it is stored in operation
 * (CalendarRevisions), instead of at each clock's next due time only: a holiday added moves the due
 * times at once, so lists filtered by due time and the scheduler are right from then on.
 *
 * Finds the incidents by one indexed equality (`slaCalendarIds`, the calendars their running clocks
 * are planned on), their ids first and to the end (no cursor stays open across the writes: on FerretDB
 * that stalled the server), then reads the clocks of `REPLAN_BATCH` at a time by id and runs
 * `advanceSlas` on each with the revised calendar (the sweep's own rule). One whose due time moved and that fires nothing is written with the
 * batch (`writeReplans`: version-guarded, no event: the domain reports no fact for a moved due time); one
 * that fires a warning or breach now (the revision moved it earlier) goes through `ChangeIncident.advanceSlas`,
 * the sweep's change, with its events and escalation; so does one whose batch write lost to another writer.
 * Of those, one that loses again is left: its writer read the revision too (or the sweep re-plans it at its
 * stored due time). A completed or paused clock is not touched (it is not in `slaCalendarIds`).
 */
@Injectable()
export class ReplanCalendarClocks implements OnModuleInit {
  private readonly logger = new Logger(ReplanCalendarClocks.name);

  constructor(
    private readonly incidents: IncidentLifecycleRepository,
    private readonly changeIncident: ChangeIncident,
    private readonly serviceLevels: ServiceLevelCatalog,
    private readonly revisions: CalendarRevisions,
  ) {}

  onModuleInit(): void {
    this.revisions.onRevised((calendarId) => this.replan(calendarId));
  }

  /** Re-plans every running clock on `calendarId` as of `now` (the server's clock; injectable for tests). */
  async replan(calendarId: string, now = new Date()): Promise<ReplanOutcome> {
    this.serviceLevels.forgetEngineContext();
    const { calendars } = await this.serviceLevels.engineContext();
    const outcome: ReplanOutcome = { replanned: 0, advanced: 0, left: 0 };
    const ids = await this.incidents.idsRunningOnCalendar(calendarId);
    for (let start = 0; start < ids.length; start += REPLAN_BATCH) {
      const batch = await this.incidents.clocksForReplan(ids.slice(start, start + REPLAN_BATCH), calendarId, REPLAN_READ_CONCURRENCY);
      const replans: Array<{ read: ClocksForReplan; slas: RecordSlas }> = [];
      const oneByOne: string[] = [];
      for (const read of batch) {
        const next = advanceSlas(read.slas, now, calendars);
        if (next.facts.length > 0) oneByOne.push(read.id);
        else if (next.slas.nextDueAt !== read.slas.nextDueAt) replans.push({ read, slas: next.slas });
      }
      const lost = await this.incidents.writeReplans(replans);
      outcome.replanned += replans.length - lost.length;
      for (const id of [...oneByOne, ...lost]) {
        if (await this.advanceOne(id, now)) outcome.advanced += 1;
        else outcome.left += 1;
      }
    }
    this.logger.log(`calendar ${calendarId} revised: ${outcome.replanned} incidents re-planned, ${outcome.advanced} advanced, ${outcome.left} left to their writers`);
    return outcome;
  }

  private async advanceOne(id: string, now: Date): Promise<boolean> {
    try {
      return (await this.changeIncident.advanceSlas(id, now)) !== undefined;
    } catch (error) {
      if (!(error instanceof VersionConflictError)) this.logger.warn(`incident ${id} was not re-planned, the SLA sweep does it at its due time: ${String(error)}`);
      return false;
    }
  }
}
