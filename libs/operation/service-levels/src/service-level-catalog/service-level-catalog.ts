import { PrerequisiteMissingError } from '@itsm/contracts';
import { SLA_KINDS } from '@itsm/contracts/design';
import { BusinessCalendar } from '@itsm/business-calendar';
import { IncidentSlaContext } from '@itsm/operation/sla-domain';
import { Injectable } from '@nestjs/common';
import { BusinessCalendarRepository, StoredBusinessCalendar } from '../persistence/business-calendar.repository';
import { SlaDefinitionRepository, StoredSlaDefinition } from '../persistence/sla-definition.repository';
import { ScopedRecord, scopeCovers } from './service-level-scope';

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
   * version of every definition (the engine picks what applies, `applicableDefinitions`) and the
   * current version of every calendar they or `calendarIds` (the calendars of the record's attached
   * definitions, which may since have moved to another) name, as a lookup by id. Two reads of small
   * reference collections. A calendar not stored reads as unknown (the engine's PrerequisiteMissingError).
   */
  async engineContext(calendarIds: Iterable<string> = []): Promise<IncidentSlaContext> {
    const definitions = await this.definitions.currentWhere();
    const wanted = new Set(calendarIds);
    for (const definition of definitions) if (definition.calendarId !== undefined) wanted.add(definition.calendarId);
    const calendars = wanted.size === 0 ? [] : await this.calendars.currentWhere({ calendarId: { $in: [...wanted] } });
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
