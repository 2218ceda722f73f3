import { RuleViolationError, ValidationIssue } from '@itsm/contracts';
import { ITEM_CRITICALITIES, ItemCriticality, RISK_LEVELS, RiskLevel } from '@itsm/contracts/transition';

/**
 * The risk questionnaire: each question's answers and the points each adds (more points, more risk).
 * The questions are the ones change managers ask in every leading product's risk assessment: how many
 * people it touches, whether it takes the service down, how well it was tested, whether it can be
 * backed out, and whether the team has done it before. Most points: 3 + 2 + 2 + 3 + 2 = 12.
 */
export const RISK_QUESTIONNAIRE = {
  /** Who notices the change while it is implemented. */
  userImpact: { none: 0, team: 1, department: 2, organisation: 3 },
  /** Whether the affected items are down during the change. */
  outage: { none: 0, degraded: 1, full: 2 },
  /** How the change was tested before production. */
  testing: { tested: 0, partially_tested: 1, untested: 2 },
  /** Whether the backout plan was tested (a change with no way back is the riskiest). */
  backout: { tested: 0, untested: 1, none: 3 },
  /** Whether the implementers did this change before. */
  experience: { done_before: 0, done_similar: 1, never_done: 2 },
} as const;

export type RiskQuestion = keyof typeof RISK_QUESTIONNAIRE;
/** One answer per question, by the answer's code (`{ userImpact: 'team', outage: 'none', ... }`). */
export type RiskAnswers = { readonly [Q in RiskQuestion]: keyof (typeof RISK_QUESTIONNAIRE)[Q] };

/** Questionnaire points up to which the risk is low (0..3), then moderate (4..7); high from 8. */
export const RISK_SCORE_BANDS: Readonly<Record<Exclude<RiskLevel, 'high'>, number>> = { low: 3, moderate: 7 };

/**
 * The least risk a change has when it touches an item of a criticality, whatever the questionnaire
 * says: a change to a mission-critical item is never below high, to a high one never below moderate.
 */
export const CRITICALITY_RISK_FLOOR: Readonly<Record<ItemCriticality, RiskLevel>> = {
  low: 'low',
  medium: 'low',
  high: 'moderate',
  mission_critical: 'high',
};

/** A risk assessment: the answers, the points, the level each source gives and the result (the higher). */
export interface RiskAssessment {
  readonly answers: RiskAnswers;
  readonly score: number;
  readonly questionnaireRisk: RiskLevel;
  /** The most critical affected item's criticality; absent when no affected item has one. */
  readonly highestCriticality?: ItemCriticality;
  readonly criticalityRisk: RiskLevel;
  readonly risk: RiskLevel;
}

/**
 * The risk of a change from its questionnaire `answers` and the criticalities of its affected items
 * (the CMDB's, or design's for business services; items with none known count as low).
 * `RuleViolationError` naming `riskAnswers.<question>` for a missing or unknown answer, and
 * `affectedCriticalities` for an unknown criticality.
 */
export function assessRisk(answers: Readonly<Record<string, unknown>>, affectedCriticalities: readonly string[]): RiskAssessment {
  const issues: ValidationIssue[] = [];
  let score = 0;
  for (const question of Object.keys(RISK_QUESTIONNAIRE) as RiskQuestion[]) {
    const points: Readonly<Record<string, number>> = RISK_QUESTIONNAIRE[question];
    const answer = answers[question];
    if (typeof answer !== 'string' || !Object.hasOwn(points, answer)) {
      issues.push({ field: `riskAnswers.${question}`, messages: [`riskAnswers.${question} must be one of ${Object.keys(points).join(', ')}`] });
    } else {
      score += points[answer] ?? 0;
    }
  }
  for (const question of Object.keys(answers)) {
    if (!Object.hasOwn(RISK_QUESTIONNAIRE, question)) issues.push({ field: `riskAnswers.${question}`, messages: [`riskAnswers.${question} is not a question of the risk questionnaire`] });
  }
  const unknown = affectedCriticalities.filter((criticality) => !(ITEM_CRITICALITIES as readonly string[]).includes(criticality));
  if (unknown.length > 0) issues.push({ field: 'affectedCriticalities', messages: [`criticalities must be among ${ITEM_CRITICALITIES.join(', ')} (not ${unknown.join(', ')})`] });
  if (issues.length > 0) throw new RuleViolationError(issues);

  const questionnaireRisk: RiskLevel = score <= RISK_SCORE_BANDS.low ? 'low' : score <= RISK_SCORE_BANDS.moderate ? 'moderate' : 'high';
  const highestCriticality = highest(affectedCriticalities as readonly ItemCriticality[]);
  const criticalityRisk = highestCriticality === undefined ? 'low' : CRITICALITY_RISK_FLOOR[highestCriticality];
  return {
    answers: { ...answers } as RiskAnswers,
    score,
    questionnaireRisk,
    ...(highestCriticality === undefined ? {} : { highestCriticality }),
    criticalityRisk,
    risk: higherRisk(questionnaireRisk, criticalityRisk),
  };
}

/** The higher of two risk levels. */
export function higherRisk(a: RiskLevel, b: RiskLevel): RiskLevel {
  return RISK_LEVELS.indexOf(a) >= RISK_LEVELS.indexOf(b) ? a : b;
}

function highest(criticalities: readonly ItemCriticality[]): ItemCriticality | undefined {
  let result: ItemCriticality | undefined;
  for (const criticality of criticalities) {
    if (result === undefined || ITEM_CRITICALITIES.indexOf(criticality) > ITEM_CRITICALITIES.indexOf(result)) result = criticality;
  }
  return result;
}
