import { PrerequisiteMissingError } from '@itsm/contracts';
import { SLA_KINDS } from '@itsm/contracts/design';
import { BusinessCalendar } from '@itsm/business-calendar';
import { IncidentSlaContext } from '@itsm/operation/sla-domain';
import { Injectable } from '@nestjs/common';
import { BusinessCalendarRepository, StoredBusinessCalendar } from '../persistence/business-calendar.repository';
import { SlaDefinitionRepository, StoredSlaDefinition } from '../persistence/sla-definition.repository';
import { ScopedRecord, scopeCovers } from './service-level-scope';

/** How long the SLA engine's context is reused before it is read again (ms). */
export const ENGINE_CONTEXT_TTL_MS = 1_000;

/** A service level that applies to a record, with the calendar its clocks run on. */
export interface ApplicableServiceLevel {
  /** The current version of the definition. */
  definition: StoredSlaDefinition;
  /** The current version of its calendar; absent when the definition names none (24x7). */
  calendar?: StoredBusinessCalendar;
}

/**
 * The SLA engine's read of operation's copy of design's definitions (RecordDesignDefinitions keeps
 * it): which service levels apply to a record now, and any version of a definition or calendar, so
 * a clock can keep the version it started with. Reads only this service's collections.
 */
@Injectable()
export class ServiceLevelCatalog {
  private cached: { readAt: number; context: Promise<IncidentSlaContext> } | undefined;

  constructor(
    private readonly definitions: SlaDefinitionRepository,
    private readonly calendars: BusinessCalendarRepository,
  ) {}

  /**
   * The current version of every SLA, OLA and UC whose scope covers `record` (scopeCovers), each with
   * the current version of its calendar (a holiday added since the definition's last revision counts),
   * ordered SLA, OLA, UC, then by name and id. Which of them to attach is the engine's rule.
   * PrerequisiteMissingError when a definition's calendar is not stored (it cannot happen through
   * RecordDesignDefinitions, which stores a definition only after its calendar).
   */
  async applicable(record: ScopedRecord): Promise<ApplicableServiceLevel[]> {
    // Current first, then the scope: an older version's scope no longer says anything.
    const covering = (await this.definitions.currentWhere()).filter((definition) => scopeCovers(definition.appliesTo, record));
    const calendarIds = [...new Set(covering.flatMap((definition) => (definition.calendarId === undefined ? [] : [definition.calendarId])))];
    const calendars = new Map((await this.calendars.currentWhere({ calendarId: { $in: calendarIds } })).map((calendar) => [calendar.calendarId, calendar]));
    return covering.sort(byKindThenName).map((definition) => {
      if (definition.calendarId === undefined) return { definition };
      const calendar = calendars.get(definition.calendarId);
      if (!calendar) throw new PrerequisiteMissingError(`calendar ${definition.calendarId} of service level ${definition.slaId} v${definition.version} is not known here`);
      return { definition, calendar };
    });
  }

  /**
   * What the SLA engine (`@itsm/operation/sla-domain`) needs to drive a record's clocks: the current
   * version of every definition (the engine picks what applies, `applicableDefinitions`) and the current
   * version of every calendar, as a lookup by id (a calendar not stored reads as unknown: the engine's
   * PrerequisiteMissingError). Read at most once per ENGINE_CONTEXT_TTL_MS per process and shared by every
   * incident in between (intake, lifecycle commands, the SLA sweep), so a definition or calendar revision
   * is seen at most that much later than it was stored, and the per-incident cost stays no read at all.
   */
  engineContext(): Promise<IncidentSlaContext> {
    const now = Date.now();
    if (this.cached === undefined || now - this.cached.readAt >= ENGINE_CONTEXT_TTL_MS) {
      const read = this.readEngineContext();
      this.cached = { readAt: now, context: read };
      // A failed read is not kept: the next caller reads again.
      read.catch(() => {
        if (this.cached?.context === read) this.cached = undefined;
      });
    }
    return this.cached.context;
  }

  /** Drops the engine context read last, so the next `engineContext` reads the copy as it is now (after a revision stored here). */
  forgetEngineContext(): void {
    this.cached = undefined;
  }

  private async readEngineContext(): Promise<IncidentSlaContext> {
    const [definitions, calendars] = await Promise.all([this.definitions.currentWhere(), this.calendars.currentWhere()]);
    const byId = new Map<string, BusinessCalendar>(calendars.map((calendar) => [calendar.calendarId, calendar.definition]));
    return { definitions, calendars: (calendarId) => byId.get(calendarId) };
  }

  /** Version `version` of a definition, or null when it never arrived. */
  definition(slaId: string, version: number): Promise<StoredSlaDefinition | null> {
    return this.definitions.version(slaId, version);
  }

  /** The current version of a definition, or null when none arrived. */
  currentDefinition(slaId: string): Promise<StoredSlaDefinition | null> {
    return this.definitions.current(slaId);
  }

  /** Version `version` of a calendar, or null when it never arrived. */
  calendar(calendarId: string, version: number): Promise<StoredBusinessCalendar | null> {
    return this.calendars.version(calendarId, version);
  }

  /** The current version of a calendar, or null when none arrived. */
  currentCalendar(calendarId: string): Promise<StoredBusinessCalendar | null> {
    return this.calendars.current(calendarId);
  }
}

function byKindThenName(a: StoredSlaDefinition, b: StoredSlaDefinition): number {
  return SLA_KINDS.indexOf(a.kind) - SLA_KINDS.indexOf(b.kind) || compare(a.name, b.name) || compare(a.slaId, b.slaId);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
