import { ValidationIssue } from '@itsm/contracts';
import { FormFieldType } from '@itsm/contracts/design';

/** One question of a catalogue item's form, as operation keeps it from design's `itsm.design.catalogue-item.defined.v1`. */
export interface RequestFormField {
  readonly key: string;
  readonly label: string;
  readonly type: FormFieldType;
  readonly required: boolean;
  readonly allowedValues?: readonly string[];
  readonly min?: number;
  readonly max?: number;
  readonly maxLength?: number;
}

/**
 * One answer as a requester sends it: `value` for every single-valued question (numbers as decimal
 * text, booleans `true`/`false`, dates `YYYY-MM-DD`), `values` for a `multi_choice` question.
 */
export interface RequestAnswer {
  readonly key: string;
  readonly value?: string;
  readonly values?: readonly string[];
}

/** Longest answer to a text question without its own `maxLength`, and to a textarea (characters). */
export const ANSWER_DEFAULT_MAX_LENGTH = { text: 500, textarea: 10_000 } as const;
/** Longest user id an answer of type `user` names (as `Principal.userId`). */
export const ANSWER_USER_MAX_LENGTH = 200;

const NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
// The HTML living standard's "valid e-mail address" (what browsers check), without the length caps.
const EMAIL = /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;

/**
 * Every problem of `answers` against `form`, one issue per answer named `answers.<key>` (so a 400
 * names each answer; `[]` when they fit). Checked on the server whatever a client checked:
 *
 * - a key the form does not ask, or answered twice;
 * - a required question unanswered (a blank text, an empty choice list count as unanswered);
 * - the type: `number` decimal text within `min`/`max`; `boolean` `true` or `false`; `date` a real
 *   calendar date `YYYY-MM-DD`; `email` an address; `choice` one of `allowedValues`; `multi_choice`
 *   `values`, each allowed, none twice; `user` a user id; `text` and `textarea` at most `maxLength`
 *   characters (defaults ANSWER_DEFAULT_MAX_LENGTH), and `min`/`max` never apply to them;
 * - `values` on a single-valued question, `value` on a `multi_choice` one.
 */
export function answerIssues(form: readonly RequestFormField[], answers: readonly RequestAnswer[]): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const seen = new Set<string>();
  for (const answer of answers) {
    const field = `answers.${answer.key}`;
    if (seen.has(answer.key)) issues.push({ field, messages: ['answered twice'] });
    seen.add(answer.key);
    const question = form.find((candidate) => candidate.key === answer.key);
    if (question === undefined) {
      issues.push({ field, messages: ['the form has no such question'] });
      continue;
    }
    const messages = isUnanswered(question, answer) ? [] : answerMessages(question, answer);
    if (messages.length > 0) issues.push({ field, messages });
  }
  for (const question of form) {
    const answer = answers.find((candidate) => candidate.key === question.key);
    if (question.required && (answer === undefined || isUnanswered(question, answer))) issues.push({ field: `answers.${question.key}`, messages: [`${question.label} is required`] });
  }
  return issues;
}

/** The answers as stored: only the answered ones, in the form's order. Call after `answerIssues` found none. */
export function answeredInFormOrder(form: readonly RequestFormField[], answers: readonly RequestAnswer[]): RequestAnswer[] {
  return form.flatMap((question) => {
    const answer = answers.find((candidate) => candidate.key === question.key);
    return answer === undefined || isUnanswered(question, answer) ? [] : [answer];
  });
}

function isUnanswered(question: RequestFormField, answer: RequestAnswer): boolean {
  if (question.type === 'multi_choice') return answer.value === undefined && (answer.values === undefined || answer.values.length === 0);
  return answer.values === undefined && (answer.value === undefined || answer.value.trim() === '');
}

function answerMessages(question: RequestFormField, answer: RequestAnswer): string[] {
  if (question.type === 'multi_choice') {
    if (answer.value !== undefined) return ['a multi_choice question is answered with values, not value'];
    const values = answer.values ?? [];
    const messages = values.filter((value) => !(question.allowedValues ?? []).includes(value)).map((value) => `${value} is not one of ${(question.allowedValues ?? []).join(', ')}`);
    if (new Set(values).size !== values.length) messages.push('a choice is listed twice');
    return messages;
  }
  if (answer.values !== undefined) return [`a ${question.type} question is answered with value, not values`];
  return singleValueMessages(question, answer.value ?? '');
}

function singleValueMessages(question: RequestFormField, value: string): string[] {
  switch (question.type) {
    case 'text':
    case 'textarea': {
      const maxLength = question.maxLength ?? ANSWER_DEFAULT_MAX_LENGTH[question.type];
      return [...value].length > maxLength ? [`must be at most ${maxLength} characters`] : [];
    }
    case 'number': {
      if (!NUMBER.test(value)) return ['must be a number (decimal digits, optional sign and fraction)'];
      const number = Number(value);
      const messages: string[] = [];
      if (question.min !== undefined && number < question.min) messages.push(`must be at least ${question.min}`);
      if (question.max !== undefined && number > question.max) messages.push(`must be at most ${question.max}`);
      return messages;
    }
    case 'boolean':
      return value === 'true' || value === 'false' ? [] : ['must be true or false'];
    case 'date':
      return isCalendarDate(value) ? [] : ['must be a date, YYYY-MM-DD'];
    case 'email':
      return value.length <= 254 && EMAIL.test(value) ? [] : ['must be an e-mail address'];
    case 'choice':
      return (question.allowedValues ?? []).includes(value) ? [] : [`must be one of ${(question.allowedValues ?? []).join(', ')}`];
    case 'user':
      return value.length <= ANSWER_USER_MAX_LENGTH && value.trim() === value ? [] : [`must be a user id (at most ${ANSWER_USER_MAX_LENGTH} characters, no surrounding spaces)`];
    default:
      return [];
  }
}

function isCalendarDate(value: string): boolean {
  const match = DATE.exec(value);
  if (match === null) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
