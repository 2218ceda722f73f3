import { RuleViolationError } from '@itsm/contracts';
import { RISK_ANSWERS } from '@itsm/contracts/transition';
import { RISK_QUESTIONNAIRE, RiskAnswers, assessRisk, higherRisk } from './change-risk';

const SAFE: RiskAnswers = { userImpact: 'none', outage: 'none', testing: 'tested', backout: 'tested', experience: 'done_before' };

describe('assessRisk', () => {
  it.each<[string, Partial<RiskAnswers>, string[], number, string, string]>([
    ['a safe change on nothing critical is low', {}, [], 0, 'low', 'low'],
    ['3 points are still low', { userImpact: 'organisation' }, ['low', 'medium'], 3, 'low', 'low'],
    ['4 points are moderate', { userImpact: 'organisation', testing: 'partially_tested' }, [], 4, 'moderate', 'moderate'],
    ['7 points are moderate', { userImpact: 'organisation', outage: 'full', testing: 'untested' }, [], 7, 'moderate', 'moderate'],
    ['8 points are high', { userImpact: 'organisation', outage: 'full', testing: 'untested', backout: 'untested' }, [], 8, 'high', 'high'],
    ['no backout plan alone is 3 points', { backout: 'none' }, [], 3, 'low', 'low'],
    ['the most points', { userImpact: 'organisation', outage: 'full', testing: 'untested', backout: 'none', experience: 'never_done' }, [], 12, 'high', 'high'],
    ['a high item lifts a low questionnaire to moderate', {}, ['low', 'high'], 0, 'low', 'moderate'],
    ['a mission-critical item lifts it to high', {}, ['mission_critical'], 0, 'low', 'high'],
    ['criticality never lowers the questionnaire', { userImpact: 'organisation', outage: 'full', testing: 'untested', backout: 'untested' }, ['low'], 8, 'high', 'high'],
  ])('%s', (_case, answers, criticalities, score, questionnaireRisk, risk) => {
    const assessment = assessRisk({ ...SAFE, ...answers }, criticalities);
    expect(assessment).toMatchObject({ score, questionnaireRisk, risk });
  });

  it('names the most critical item and the floor it sets', () => {
    expect(assessRisk(SAFE, ['medium', 'high', 'low'])).toMatchObject({ highestCriticality: 'high', criticalityRisk: 'moderate' });
    expect(assessRisk(SAFE, [])).not.toHaveProperty('highestCriticality');
  });

  it.each<[string, Record<string, unknown>, string[], string[]]>([
    ['a missing answer', { ...SAFE, outage: undefined }, [], ['riskAnswers.outage']],
    ['an unknown answer', { ...SAFE, testing: 'somewhat' }, [], ['riskAnswers.testing']],
    ['an answer that is not text', { ...SAFE, experience: 2 }, [], ['riskAnswers.experience']],
    ['a question nobody asked', { ...SAFE, mood: 'good' }, [], ['riskAnswers.mood']],
    ['an inherited name is no answer', { ...SAFE, backout: 'toString' }, [], ['riskAnswers.backout']],
    ['an unknown criticality', SAFE, ['extreme'], ['affectedCriticalities']],
    ['every problem at once', { userImpact: 'team' }, ['x'], ['riskAnswers.outage', 'riskAnswers.testing', 'riskAnswers.backout', 'riskAnswers.experience', 'affectedCriticalities']],
  ])('refuses %s, naming the field', (_case, answers, criticalities, fields) => {
    try {
      assessRisk(answers, criticalities);
      throw new Error('expected a RuleViolationError');
    } catch (error) {
      expect(error).toBeInstanceOf(RuleViolationError);
      expect((error as RuleViolationError).issues.map((issue) => issue.field)).toEqual(fields);
    }
  });

  it.each([
    ['low', 'moderate', 'moderate'],
    ['high', 'low', 'high'],
    ['moderate', 'moderate', 'moderate'],
  ] as const)('higherRisk(%s, %s) is %s', (a, b, higher) => {
    expect(higherRisk(a, b)).toBe(higher);
  });
});

describe('RISK_QUESTIONNAIRE', () => {
  it('asks the questions, with the answers, that the contracts accept', () => {
    expect(Object.fromEntries(Object.entries(RISK_QUESTIONNAIRE).map(([question, points]) => [question, Object.keys(points)]))).toEqual(RISK_ANSWERS);
  });
});
