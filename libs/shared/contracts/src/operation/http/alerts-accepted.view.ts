import { Equals, IsInt, Min } from 'class-validator';
import { RecordIdProperty } from '../../http/view-properties';

/** The answer to an alert call: queued for alert intake (nothing accepted is lost: the broker confirmed it). */
export class AlertsAcceptedView {
  /** The id of this call's batch, as the alert events' causation carries it. */
  @RecordIdProperty()
  batchId!: string;

  @Equals('accepted')
  status!: 'accepted';

  /** Alerts queued (0 for an Alertmanager call with no alerts). */
  @IsInt()
  @Min(0)
  alerts!: number;
}
