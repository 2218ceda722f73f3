import { InternalServiceEnv, LogLevel, csvProperty, databaseNameProperty, logLevelProperty, placeholderRefused, portProperty, prefetchProperty } from '@itsm/config';
import { UUID_PATTERN } from '@itsm/contracts';
import { Type } from 'class-transformer';
import { ArrayNotEmpty, IsIn, IsInt, IsUrl, Matches, Max, Min, ValidateIf } from 'class-validator';

/**
 * Roles let one image run as separately scaled deployments:
 * `intake` consumes the intake queue (scaled by queue depth),
 * `query` answers the gateway's reads and lifecycle commands (assign, start, hold, resolve, ...) and
 * runs the auto-close and SLA sweeps,
 * `alert-intake` consumes the alert intake queue (scaled by its own depth, apart from incident intake).
 */
export const OPERATION_ROLES = ['intake', 'query', 'alert-intake'] as const;
export type OperationRole = (typeof OPERATION_ROLES)[number];

export class OperationConfig extends InternalServiceEnv {
  @csvProperty()
  @ArrayNotEmpty()
  @IsIn(OPERATION_ROLES, { each: true })
  ITSM_OPERATION_ROLES: OperationRole[] = ['intake', 'query', 'alert-intake'];

  @portProperty()
  ITSM_OPERATION_PORT = 3101;

  /** The operation service's own database; no other service reads it. */
  @databaseNameProperty()
  ITSM_OPERATION_DB = 'itsm_operation';

  /** Intake messages in flight per instance. */
  @prefetchProperty()
  ITSM_INTAKE_PREFETCH = 64;

  /**
   * Bound of the intake queue, in reports waiting for intake: past it the broker refuses new ones and the
   * gateway answers 503 with Retry-After at once, instead of the backlog growing without bound (nothing
   * it accepted is dropped). Applied by the intake role as a broker policy at start (QueueLengthLimitKeeper);
   * always set (see QueueLengthLimit for why there is no "unbounded"). 10,000 is about 10 s of intake at the end-to-end rate measured with one instance (about 1,000 reports/s)
   * (docs/BENCHMARKS.md) and twice what KEDA's 10 replicas at 500 each are scaled for.
   */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100_000_000)
  ITSM_INTAKE_MAX_LENGTH = 10_000;

  /**
   * Bound of the intake queue in bytes of waiting reports (the broker's `max-length-bytes`), so large
   * reports cannot fill the broker's disk before the count bound is reached; 0: no bound by size.
   */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  ITSM_INTAKE_MAX_LENGTH_BYTES = 64 * 1024 * 1024;

  /**
   * RabbitMQ's management API, through which the intake role sets the intake queue's bound (needs the
   * `policymaker` tag). Empty: ITSM_AMQP_URL's host on the default management port (http 15672, https
   * 15671 for amqps) with ITSM_AMQP_URL's credentials; credentials left out of this URL come from there too.
   */
  @ValidateIf((config: OperationConfig) => config.ITSM_AMQP_MANAGEMENT_URL !== '')
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true })
  @placeholderRefused("your broker's management URL with its real credentials (k8s/README.md, \"Secrets\")")
  ITSM_AMQP_MANAGEMENT_URL: string = '';

  /**
   * A Resolved incident closes by itself this many seconds of business time after its resolution (on
   * ITSM_INCIDENT_LIFECYCLE_CALENDAR_ID's calendar, 24x7 without one). Default 3 days.
   */
  @secondsProperty(1)
  ITSM_INCIDENT_AUTO_CLOSE_AFTER_SECONDS = 259_200;

  /** The caller may reopen their resolved incident for this many seconds of business time. Default 5 days. */
  @secondsProperty(0)
  ITSM_INCIDENT_CALLER_REOPEN_WITHIN_SECONDS = 432_000;

  /**
   * The id of design's business calendar on which the auto-close time and the caller's reopen window are
   * counted (e.g. Mon–Fri 08:00–18:00: 4 business hours from Friday 16:00 end Monday 10:00). Each
   * resolution reads its current version from operation's copy of design's calendars; while that copy
   * does not hold it yet (design's event not arrived), a resolution is refused with 503 and Retry-After
   * rather than given 24x7 deadlines that would stay wrong. Empty: 24x7.
   */
  @ValidateIf((config: OperationConfig) => config.ITSM_INCIDENT_LIFECYCLE_CALENDAR_ID !== '')
  @Matches(UUID_PATTERN, { message: 'ITSM_INCIDENT_LIFECYCLE_CALENDAR_ID must be the id (a UUID) of one of design\'s business calendars, or empty for 24x7' })
  ITSM_INCIDENT_LIFECYCLE_CALENDAR_ID: string = '';

  /** How often the auto-close sweep looks for incidents past their auto-close time. */
  @secondsProperty(1)
  ITSM_INCIDENT_AUTO_CLOSE_SWEEP_SECONDS = 60;

  /**
   * How often the SLA sweep looks for clocks due for a warning or breach (each fires within about this of
   * its due time; every query instance sweeps, each warning and breach fires once).
   */
  @secondsProperty(1)
  ITSM_SLA_SWEEP_SECONDS = 5;

  /**
   * The id of design's business calendar on which catalogue items' delivery targets (business minutes) run
   * as SLA clocks on requests; while operation's copy of design's calendars lacks it, requests are refused
   * with 503 and Retry-After rather than given 24x7 due times that would stay wrong. Empty: 24x7.
   */
  @ValidateIf((config: OperationConfig) => config.ITSM_REQUEST_CALENDAR_ID !== '')
  @Matches(UUID_PATTERN, { message: 'ITSM_REQUEST_CALENDAR_ID must be the id (a UUID) of one of design\'s business calendars, or empty for 24x7' })
  ITSM_REQUEST_CALENDAR_ID: string = '';
  /** Alert intake messages (calls of alert sources) in flight per alert-intake instance. */
  @prefetchProperty()
  ITSM_ALERT_INTAKE_PREFETCH = 16;

  /**
   * Bound of the alert intake queue, in calls of alert sources waiting: past it the gateway answers 503 with
   * Retry-After (Alertmanager retries), as for incident intake; set by the alert-intake role as a broker
   * policy at start. Its size bound is ITSM_INTAKE_MAX_LENGTH_BYTES.
   */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100_000_000)
  ITSM_ALERT_INTAKE_MAX_LENGTH = 10_000;

  /**
   * A firing alert joins the last correlation of its service (else configuration item) and alert group if it
   * arrives at most this many seconds after the last alert that joined it; later, it opens a new correlation
   * (and incident, when a rule says so). Default 5 minutes, Alertmanager's default `group_interval`.
   */
  @secondsProperty(0)
  ITSM_ALERT_CORRELATION_WINDOW_SECONDS = 300;

  /**
   * A group whose alerts all resolved and which fires again within this many seconds is flapping: its incident
   * is reopened (once) rather than a new one opened, and no longer resolves itself. Default 15 minutes.
   */
  @secondsProperty(0)
  ITSM_ALERT_FLAP_DAMPING_SECONDS = 900;

  @logLevelProperty()
  ITSM_LOG_LEVEL: LogLevel = 'log';
}

/** A whole number of seconds from `min` up to a year. */
function secondsProperty(min: number): PropertyDecorator {
  return (target, key) => {
    Type(() => Number)(target, key);
    IsInt()(target, key);
    Min(min)(target, key);
    Max(31_536_000)(target, key);
  };
}
