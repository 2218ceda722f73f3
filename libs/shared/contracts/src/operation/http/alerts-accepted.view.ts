import { Equals, IsInt, Min } from 'class-validator';
import { RecordIdProperty } from '../../http/view-properties';

/** The answer to an alert call: queued for alert intake (nothing accepted is lost: the broker confirmed it). */
export class AlertsAcceptedView {
  /** The id of this call's batch, as the alert events' causation carries it. */
  @RecordIdProperty()
  batchId!: string;

  @Equals('accepted')
  status!: 'accepted';

  /** Alerts queued. */
  @IsInt()
  @Min(1)
  alerts!: number;
}
