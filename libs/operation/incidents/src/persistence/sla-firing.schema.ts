import { CloudEvent } from '@itsm/contracts';
import { SlaFiring } from '@itsm/operation/sla-domain';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * The `sla_firings` collection, owned by the operation service: the outbox of the SLA sweep's warnings and
 * breaches, one small document per firing not yet published, under its `slaFiringId` (incident, attachment,
 * target, run, threshold), so a firing is inserted once however many sweeps compute it. Inserted before the
 * sweep records the firing on the incident, deleted once its event is published (`FireDueSlas`); what a
 * crash or a lost race leaves is settled by `SlaFiringRecoverySweep` once `leaseUntil` has passed. Never
 * updated field by field: inserted, replaced whole by a sweep computing it again, then deleted, so no write
 * lease is needed (docs/ARCHITECTURE.md, "SLA engine on incidents").
 */
@Schema({ collection: 'sla_firings', versionKey: false })
export class SlaFiringRecord {
  /** `slaFiringId(incidentId, firing)`. */
  @Prop({ type: String, required: true })
  _id!: string;

  @Prop({ type: String, required: true })
  incidentId!: string;

  /** Which warning or breach: what the recovery looks for in the incident's stored clocks (`slaFiringRecorded`). */
  @Prop({ type: Object, required: true })
  firing!: SlaFiring;

  /** The `itsm.operation.sla.warning|breached.v1` event, its id named by the firing (`slaFactEvents`). */
  @Prop({ type: Object, required: true })
  event!: CloudEvent;

  /** Until then the sweep that inserted it publishes it; after, the recovery settles it (a crash, a lost race). */
  @Prop({ required: true })
  leaseUntil!: Date;
}

export const SlaFiringSchema = SchemaFactory.createForClass(SlaFiringRecord);
// The recovery's lookup: a range, so FerretDB reads the collection, which holds only the firings not yet published (a few hundred at most while a backlog is worked off).
SlaFiringSchema.index({ leaseUntil: 1 });
