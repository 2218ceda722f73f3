import { IsInt, IsOptional, Matches, Min } from 'class-validator';
import { RecordIdProperty, VersionedView } from '../../http/view-properties';
import { KnownErrorFieldsV1 } from '../messages/known-error-fields.v1';

/** A known error as the API shows it (GET /api/v1/known-errors/:id and the search). */
export class KnownErrorView extends VersionedView(KnownErrorFieldsV1) {
  @RecordIdProperty()
  id!: string;

  /** The number of its problem, e.g. PRB0000042. */
  @Matches(/^PRB\d{7,}$/)
  problemNumber!: string;

  /** The version whose workaround was last published to the problem's incidents; absent while none was. */
  @IsOptional()
  @IsInt()
  @Min(1)
  workaroundPublishedVersion?: number;
}
