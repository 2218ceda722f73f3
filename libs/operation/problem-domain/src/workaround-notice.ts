import { ProblemNotice, noteText, problemNoticeKey } from '@itsm/operation/incident-domain';

/** A published workaround as it reaches a linked incident. */
export interface PublishedWorkaroundNotice {
  readonly knownErrorId: string;
  /** The known error's version that published it: a workaround published again reaches the incident again. */
  readonly version: number;
  readonly title: string;
  readonly problemNumber: string;
  readonly text: string;
}

/**
 * The work note a published workaround becomes on a linked incident, under its notice key (once per
 * incident and version): `Workaround (known error "<title>", problem PRB…): <text>`, cut to a note's length.
 */
export function workaroundNotice(published: PublishedWorkaroundNotice): ProblemNotice {
  return {
    key: problemNoticeKey({ kind: 'workaround', knownErrorId: published.knownErrorId, version: published.version }),
    note: noteText(`Workaround (known error "${published.title}", problem ${published.problemNumber}): ${published.text}`),
  };
}
