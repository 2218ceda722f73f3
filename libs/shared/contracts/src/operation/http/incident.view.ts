import { IsIn, IsNotEmpty, IsOptional, IsString, Matches } from 'class-validator';
import { Impact, IMPACT_LEVELS, INCIDENT_STATES, IncidentState, Priority, PRIORITY_LABELS, PRIORITY_LEVELS, Urgency, URGENCY_LEVELS } from '../messages/incident-vocabulary';
import { RecordIdProperty, TimestampProperty } from '../../http/view-properties';
import { Page } from '../../http/page.view';

/** An incident as the public API shows it (GET /api/v1/incidents/:id). */
export class IncidentView {
  /** UUIDv7 assigned at intake. */
  @RecordIdProperty()
  id!: string;

  /** e.g. INC0000042. */
  @Matches(/^INC\d{7,}$/)
  number!: string;

  @IsString()
  @IsNotEmpty()
  title!: string;

  @IsOptional()
  @IsString()
  description?: string;

  /** User id of whoever reported it. */
  @IsString()
  @IsNotEmpty()
  callerId!: string;

  /** 1 high .. 3 low. */
  @IsIn(IMPACT_LEVELS)
  impact!: Impact;

  /** 1 high .. 3 low. */
  @IsIn(URGENCY_LEVELS)
  urgency!: Urgency;

  /** Derived from impact x urgency: 1 Critical .. 5 Planning. */
  @IsIn(PRIORITY_LEVELS)
  priority!: Priority;

  @IsIn(Object.values(PRIORITY_LABELS))
  priorityLabel!: string;

  @IsIn(INCIDENT_STATES)
  state!: IncidentState;

  @IsOptional()
  @IsString()
  category?: string;

  @IsOptional()
  @IsString()
  serviceId?: string;

  @IsOptional()
  @IsString()
  configurationItemId?: string;

  @TimestampProperty()
  reportedAt!: string;

  @TimestampProperty()
  createdAt!: string;

  @TimestampProperty()
  updatedAt!: string;
}

/** One page of incidents, newest first; pass `nextCursor` back as `cursor` for the next page. */
export type IncidentPage = Page<IncidentView>;
