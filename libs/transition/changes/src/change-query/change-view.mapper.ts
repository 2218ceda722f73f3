import { ChangeView } from '@itsm/contracts/transition';
import { toVersionedView } from '@itsm/persistence';
import { withIsoDates } from '../json-dates.mapper';
import { StoredChange } from '../persistence/change.repository';

/** A stored change as the API shows it: `id`, version, timestamps, instants as ISO strings. */
export function changeView(record: StoredChange): ChangeView {
  return withIsoDates(toVersionedView(record)) as unknown as ChangeView;
}
