import { RecordIdProperty, TimestampProperty } from '../../http/view-properties';
import { AddRelationshipRequest } from './add-relationship.request';

/** A relationship as the API shows it. */
export class RelationshipView extends AddRelationshipRequest {
  @RecordIdProperty()
  id!: string;

  @TimestampProperty()
  createdAt!: string;
}
