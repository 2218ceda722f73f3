import { CloudEvent } from '@itsm/contracts';
import { Impact, Urgency } from '@itsm/contracts/operation';
import { Correlation, CorrelatedAlert, IncidentAction, IncidentPlan } from '@itsm/operation/alert-domain';
import { OUTBOX_HIDDEN, OutboxRelays, VersionedDocumentStore, VersionedRecord, VersionedState, Written } from '@itsm/persistence';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { AlertCorrelationRecord } from './alert-correlation.schema';

/** The incident report alert intake registers for a correlation (the RegisterIncident command's fields it chooses). */
export interface AlertIncidentReport {
  title: string;
  description: string;
  impact: Impact;
  urgency: Urgency;
  category?: string;
  serviceId?: string;
  configurationItemId?: string;
  /** When the alert that asked for it was received (RFC 3339): the incident's `reportedAt`. */
  reportedAt: string;
}

/**
 * An action on the correlation's incident, stored with the correlation until it is done (see
 * ReceiveAlerts): a crash or a failure after the correlation was written leaves it there, and the next
 * alert or redelivery touching the correlation carries it out. `create` holds the whole report.
 */
export type PendingIncidentAction = Exclude<IncidentAction, { kind: 'create' }> | { kind: 'create'; report: AlertIncidentReport };

/** A correlation as `alert_correlations` stores it: the alert-domain's Correlation and what intake needs beside it. */
export interface AlertCorrelationFields {
  correlationKey: string;
  seq: number;
  /** The source of the alert that opened it. */
  sourceId: string;
  serviceId?: string;
  configurationItemId?: string;
  group: string;
  alerts: CorrelatedAlert[];
  /** The dedup keys of `alerts`, indexed: which correlation holds an alert occurrence. */
  alertKeys: string[];
  openedAt: Date;
  lastFiringAt: Date;
  quietSince?: Date;
  incidentId?: string;
  plan?: IncidentPlan;
  incidentResolved: boolean;
  flapping: boolean;
  ended: boolean;
  pendingActions: PendingIncidentAction[];
}

export type StoredAlertCorrelation = VersionedRecord<AlertCorrelationFields>;

type Emit = (state: VersionedState<AlertCorrelationFields>) => CloudEvent[];

/** The id of a key's `seq`-th correlation. */
export function correlationIdOf(correlationKey: string, seq: number): string {
  return `${correlationKey}:${seq}`;
}

/** The domain's view of a stored correlation. */
export function toCorrelation(record: StoredAlertCorrelation): Correlation {
  return {
    correlationKey: record.correlationKey,
    seq: record.seq,
    alerts: record.alerts.map((alert) => withoutNull(alert)),
    openedAt: record.openedAt,
    lastFiringAt: record.lastFiringAt,
    ...(record.quietSince ? { quietSince: record.quietSince } : {}),
    ...(record.incidentId ? { incidentId: record.incidentId } : {}),
    ...(record.plan ? { plan: record.plan } : {}),
    incidentResolved: record.incidentResolved,
    flapping: record.flapping,
    ended: record.ended,
  };
}

/**
 * Alert correlations. `open` inserts the next correlation of a key under its id, so of two writers opening
 * one at once exactly one succeeds (the other's insert is a duplicate key: it decides again and joins it);
 * `save` writes a next version conditional on the version read (409 when another writer moved it on).
 * Both write the correlation's events in its outbox, published by the relay.
 */
@Injectable()
export class AlertCorrelationRepository extends VersionedDocumentStore<AlertCorrelationFields> {
  constructor(@InjectModel(AlertCorrelationRecord.name) private readonly correlations: Model<AlertCorrelationRecord>, relays: OutboxRelays) {
    super(correlations.collection, relays);
  }

  /** The correlation that holds the alert occurrence `dedupKey`, if any. */
  async holding(dedupKey: string): Promise<StoredAlertCorrelation | null> {
    return this.correlations.collection.findOne<StoredAlertCorrelation>({ alertKeys: dedupKey }, { projection: OUTBOX_HIDDEN });
  }

  /** The last correlation of `correlationKey`, if any. */
  async latest(correlationKey: string): Promise<StoredAlertCorrelation | null> {
    return this.correlations.collection.findOne<StoredAlertCorrelation>({ correlationKey }, { sort: { seq: -1 }, projection: OUTBOX_HIDDEN });
  }

  /** The correlations of an incident, oldest first (one, or more when alerts joined it again after a window closed: never today). */
  async ofIncident(incidentId: string): Promise<StoredAlertCorrelation[]> {
    return this.correlations.collection.find<StoredAlertCorrelation>({ incidentId }, { sort: { seq: 1 }, projection: OUTBOX_HIDDEN }).toArray();
  }

  async open(fields: AlertCorrelationFields, emit: Emit): Promise<Written<AlertCorrelationFields>> {
    return this.define(correlationIdOf(fields.correlationKey, fields.seq), definedOnly(fields), emit);
  }

  async save(current: StoredAlertCorrelation, fields: AlertCorrelationFields, emit: Emit): Promise<Written<AlertCorrelationFields>> {
    return this.reviseFrom(current._id, current.version, definedOnly(fields), emit);
  }
}

/** Undefined fields left out: the store would write them as null, and a revision drops what it leaves out. */
function definedOnly<T extends object>(fields: T): T {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as T;
}

function withoutNull<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, each]) => each !== null && each !== undefined)) as T;
}
