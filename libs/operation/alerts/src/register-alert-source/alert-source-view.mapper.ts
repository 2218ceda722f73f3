import { AlertSourceView } from '@itsm/contracts/operation';
import { StoredAlertSource } from '../persistence/alert-source.repository';

/** The API's view of a source: never its secret's hash. */
export function toAlertSourceView({ _id, version, name, description, active, createdAt, updatedAt }: StoredAlertSource): AlertSourceView {
  return { id: _id, version, name, ...(description === undefined ? {} : { description }), active, createdAt: createdAt.toISOString(), updatedAt: updatedAt.toISOString() };
}
