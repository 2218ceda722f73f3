import { RelationshipType } from '@itsm/contracts/transition';
import { createHash } from 'node:crypto';

/**
 * Which end of a relationship is the dependent (affected when the other fails) and which the
 * dependency. `depends_on`, `runs_on`, `connects_to` and `uses` read "from … to": the application runs on
 * the server, so the application depends on it. `part_of` and `hosts` read the other way: a disk part of
 * a server, a cluster that hosts a virtual machine; the whole (`to`) or the hosted (`to`) depends on `from`.
 */
const FROM_DEPENDS_ON_TO: Readonly<Record<RelationshipType, boolean>> = {
  depends_on: true,
  runs_on: true,
  connects_to: true,
  uses: true,
  part_of: false,
  hosts: false,
};

export interface DependencyEnds {
  /** Affected when `dependency` fails: upstream of it. */
  dependent: string;
  dependency: string;
}

export function dependencyOf(type: RelationshipType, fromItemId: string, toItemId: string): DependencyEnds {
  return FROM_DEPENDS_ON_TO[type] ? { dependent: fromItemId, dependency: toItemId } : { dependent: toItemId, dependency: fromItemId };
}

/**
 * The id of the relationship `type` from one item to another: the same for the same three, so a
 * relationship is stored at most once (a second add, or an import repeated, meets the first's id).
 * A UUID (version 8, RFC 9562's custom version) from the SHA-256 of the three, so ids look and validate
 * like every other record's.
 */
export function relationshipIdOf(type: RelationshipType, fromItemId: string, toItemId: string): string {
  const hex = createHash('sha256').update(`${fromItemId}|${type}|${toItemId}`).digest('hex');
  const variant = ((parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** A relationship from an item to itself says nothing about impact; cycles through other items are allowed. */
export function relationshipProblem(fromItemId: string, toItemId: string): string | undefined {
  return fromItemId === toItemId ? 'a relationship needs two different items' : undefined;
}
