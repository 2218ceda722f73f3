import { FieldBackfill } from '@itsm/persistence';
import { dueSlotOf } from '@itsm/service-runtime';

/**
 * The backfill (`backfillField` of @itsm/persistence) that gives records stored before `slaDueSlot` existed that
 * field, as the code writing them now would have (`slaDueFields`): from `slaNextDueAt`, only on records whose
 * clocks can fire (`slaTicking`), so the SLA sweep's slot walk finds them (until then its catch-up does).
 * `migration`: its marker in the service's `migrations` collection (e.g. `incidents.slaDueSlot`).
 */
export function slaDueSlotBackfill(migration: string, stopped: () => boolean): FieldBackfill {
  return {
    migration,
    field: 'slaDueSlot',
    reads: ['slaNextDueAt'],
    only: { slaTicking: true },
    value: (record) => dueSlotOf(record.slaNextDueAt as Date),
    stopped,
  };
}
