/** ITIL scales shared by every incident message. 1 is the most severe. */
export const IMPACT_LEVELS = [1, 2, 3] as const;
export type Impact = (typeof IMPACT_LEVELS)[number];

export const URGENCY_LEVELS = [1, 2, 3] as const;
export type Urgency = (typeof URGENCY_LEVELS)[number];

/** 1 Critical, 2 High, 3 Moderate, 4 Low, 5 Planning. */
export const PRIORITY_LEVELS = [1, 2, 3, 4, 5] as const;
export type Priority = (typeof PRIORITY_LEVELS)[number];

export const PRIORITY_LABELS: Readonly<Record<Priority, string>> = {
  1: 'Critical',
  2: 'High',
  3: 'Moderate',
  4: 'Low',
  5: 'Planning',
};

export const INCIDENT_STATES = ['new', 'in_progress', 'on_hold', 'resolved', 'closed', 'cancelled'] as const;
export type IncidentState = (typeof INCIDENT_STATES)[number];

/** Field limits, shared by the gateway's input validation and the payload contracts. */
export const INCIDENT_LIMITS = {
  titleMaxLength: 200,
  descriptionMaxLength: 10_000,
  categoryMaxLength: 100,
  referenceMaxLength: 100,
} as const;
