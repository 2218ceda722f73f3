import { createHash } from 'node:crypto';

/** An alert as intake reads it, whatever its source's format (the gateway maps Alertmanager's to it). */
export interface ReceivedAlert {
  /** The source's identity of the alert (Alertmanager: a hash of its labels); see `fingerprintOf` for alerts sent without one. */
  readonly fingerprint: string;
  readonly status: 'firing' | 'resolved';
  /** When it started firing; with the fingerprint it names one occurrence (Alertmanager resends both unchanged). */
  readonly startsAt: Date;
  readonly name: string;
  readonly severity?: string;
  readonly labels: Readonly<Record<string, string>>;
  /** The service or configuration item the alert is about (catalogue ids as the source names them). */
  readonly serviceId?: string;
  readonly configurationItemId?: string;
  /** The source's grouping of alerts (Alertmanager: the group key); '' when it has none. */
  readonly group: string;
}

/**
 * A fingerprint for an alert sent without one: SHA-256 (hex, first 16 bytes) of its name and labels
 * sorted by name, so the same alert sent again gets the same one, as Alertmanager's label hash does.
 */
export function fingerprintOf(name: string, labels: Readonly<Record<string, string>>): string {
  const sorted = Object.keys(labels).sort().map((key) => [key, labels[key]]);
  return sha256(JSON.stringify([name, sorted])).slice(0, 32);
}

/**
 * The deduplication key of one occurrence of an alert: its source, fingerprint and `startsAt` (source:
 * the Alertmanager webhook, which resends a group's alerts unchanged every `group_interval` and retries a
 * failed POST). The same key firing again is a repeat; a later `startsAt` of the same fingerprint is a new
 * occurrence. SHA-256 hex of the three, so the key has a fixed length whatever the source sends.
 */
export function alertDedupKey(sourceId: string, fingerprint: string, startsAt: Date): string {
  return sha256(JSON.stringify([sourceId, fingerprint, startsAt.toISOString()]));
}

/**
 * Which alerts correlate: those about the same service (else the same configuration item) in the same
 * alert group. An alert naming neither correlates only with its own repeats (its fingerprint), so
 * unrelated alerts are never merged into one incident (a known failure elsewhere: one recovery resolving
 * a merged group of unrelated alerts). SHA-256 hex, a fixed-length key.
 */
export function correlationKeyOf(alert: ReceivedAlert): string {
  const subject =
    alert.serviceId !== undefined ? ['service', alert.serviceId] : alert.configurationItemId !== undefined ? ['ci', alert.configurationItemId] : ['alert', alert.fingerprint];
  return sha256(JSON.stringify([...subject, alert.group]));
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
