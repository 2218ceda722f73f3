import { ValidateBy, ValidationOptions } from 'class-validator';

/** Limits of alert intake, shared by the gateway's validation and the messages. */
export const ALERT_LIMITS = {
  /** Alerts in one webhook call (Alertmanager sends a whole group; its `max_alerts` defaults to none, so a larger group is refused 400: set `max_alerts`). */
  batchMaxAlerts: 500,
  /** Labels or annotations of one alert. */
  mapMaxEntries: 64,
  /** A label's or annotation's name. */
  keyMaxLength: 128,
  /** A label's or annotation's value (annotations hold descriptions and runbook URLs). */
  valueMaxLength: 4_000,
  /** Names, fingerprints, severities, group keys, URLs. */
  textMaxLength: 1_000,
} as const;

export const ALERT_STATUSES = ['firing', 'resolved'] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];

/** Prometheus's label names ([a-zA-Z_][a-zA-Z0-9_]*); annotations follow the same rule. */
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/** Whether `value` is an object of at most `maxEntries` Prometheus-named keys with string values, within ALERT_LIMITS. */
export function isLabelMap(value: unknown, maxEntries: number): boolean {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const entries = Object.entries(value);
  return (
    entries.length <= maxEntries &&
    entries.every(([key, text]) => LABEL_NAME.test(key) && key.length <= ALERT_LIMITS.keyMaxLength && typeof text === 'string' && text.length <= ALERT_LIMITS.valueMaxLength)
  );
}

/**
 * Labels or annotations: an object of Prometheus-named keys to string values (at most
 * ALERT_LIMITS.mapMaxEntries, names up to ALERT_LIMITS.keyMaxLength, values up to
 * ALERT_LIMITS.valueMaxLength characters). Documented as a map of strings (`isLabelMap` in jsonSchemaOptions).
 */
export function LabelMap(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isLabelMap',
      constraints: [ALERT_LIMITS.mapMaxEntries, ALERT_LIMITS.valueMaxLength],
      validator: {
        validate: (value: unknown) => isLabelMap(value, ALERT_LIMITS.mapMaxEntries),
        defaultMessage: (arguments_) =>
          `${arguments_?.property ?? 'value'} must be an object of at most ${ALERT_LIMITS.mapMaxEntries} names ([a-zA-Z_][a-zA-Z0-9_]*, up to ${ALERT_LIMITS.keyMaxLength} characters) to strings of up to ${ALERT_LIMITS.valueMaxLength} characters`,
      },
    },
    options,
  );
}
