import { ChangeView } from '@itsm/contracts/transition';
import { toVersionedView } from '@itsm/persistence';
import { flagOverridden } from '@itsm/transition/change-domain';
import { withIsoDates } from '../json-dates.mapper';
import { StoredChange, domainFields } from '../persistence/change.repository';

/** A stored change as the API shows it: `id`, version, timestamps, instants as ISO strings, each conflict flagged `overridden`. */
export function changeView(record: StoredChange): ChangeView {
  return withIsoDates(toVersionedView({ ...domainFields(record), conflicts: flagOverridden(record.conflicts, record.overrides) })) as unknown as ChangeView;
}
