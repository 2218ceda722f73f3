import { RuleViolationError, uuidV7, ValidationIssue } from '@itsm/contracts';
import { SlaDefinitionFieldsV1 } from '@itsm/contracts/design';
import { CalendarRepository } from '@itsm/design/calendars';
import { slaDefinitionIssues } from '@itsm/design/design-domain';
import { RequestOrigin } from '@itsm/service-runtime';
import { Injectable } from '@nestjs/common';
import { ServiceLevelFields, ServiceLevelRepository, StoredServiceLevel } from '../persistence/service-level.repository';
import { slaDefinedEvent } from './sla-defined.mapper';

/** Defines and revises SLAs, OLAs and UCs; every change emits itsm.design.sla.defined.v1. */
@Injectable()
export class DefineServiceLevel {
  constructor(
    private readonly serviceLevels: ServiceLevelRepository,
    private readonly calendars: CalendarRepository,
  ) {}

  async define(definition: SlaDefinitionFieldsV1, origin: RequestOrigin): Promise<StoredServiceLevel> {
    const written = await this.serviceLevels.define(uuidV7(), await this.checked(definition), (state) => [slaDefinedEvent(state, origin)]);
    return written.record;
  }

  async revise(id: string, expectedVersion: number, definition: SlaDefinitionFieldsV1, origin: RequestOrigin): Promise<StoredServiceLevel> {
    const written = await this.serviceLevels.reviseFrom(id, expectedVersion, await this.checked(definition), (state) => [slaDefinedEvent(state, origin)]);
    return written.record;
  }

  /** Coherent, on an existing calendar (whose current version it records), or a 400 naming each problem. */
  private async checked(definition: SlaDefinitionFieldsV1): Promise<ServiceLevelFields> {
    const issues: ValidationIssue[] = slaDefinitionIssues(definition);
    const calendar = definition.calendarId === undefined ? undefined : await this.calendars.findById(definition.calendarId);
    if (definition.calendarId !== undefined && !calendar) issues.push({ field: 'calendarId', messages: ['no business calendar has this id'] });
    if (issues.length > 0) throw new RuleViolationError(issues);
    return { ...definition, ...(calendar ? { calendarVersion: calendar.version } : {}) };
  }
}
