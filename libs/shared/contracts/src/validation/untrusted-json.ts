import { textRuleViolation } from './text-rule';
import { ValidationIssue } from './validation-issues';

/**
 * How deeply untrusted JSON may nest: the outermost object or array is level 1. No contract comes near it
 * (the deepest, a calendar definition, has 5 levels); it bounds every recursive walk that follows parsing
 * (class-transformer, class-validator, canonical JSON), which would otherwise overflow the stack.
 */
export const MAX_JSON_DEPTH = 400;

/**
 * Keys through which copying an object reaches its prototype (prototype pollution). JSON.parse keeps them
 * as ordinary own keys, but `Object.assign` or class-transformer would follow them; no contract uses them.
 */
const PROTOTYPE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** Longest part of a refused key quoted back in a message. */
const QUOTED_KEY_LENGTH = 50;

export interface JsonInspection {
  /**
   * What makes the value unsafe to hand to any code: nesting beyond MAX_JSON_DEPTH or a prototype key.
   * Reported alone, before any other check touches the value.
   */
  unsafe: ValidationIssue[];
  /**
   * What no contract accepts in any field: text breaking the text rule (`textRuleViolation`), and keys that
   * start with `$` or contain `.` (operators and paths to a MongoDB-wire store, never names of fields).
   */
  content: ValidationIssue[];
}

interface Pending {
  value: unknown;
  path: string;
  depth: number;
}

/**
 * Checks untrusted JSON (a parsed request body or query string, a received message) in one iterative walk,
 * so it cannot overflow the stack however deep the value is. Fields are named as class-validator names
 * them (`items.0.rate`; `(root)` for the value itself); a key is reported on the object holding it.
 */
export function inspectUntrustedJson(value: unknown): JsonInspection {
  const unsafe: ValidationIssue[] = [];
  const content: ValidationIssue[] = [];
  const stack: Pending[] = [{ value, path: '', depth: 0 }];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const { value: current, path, depth } = next;
    if (typeof current === 'string') {
      const violation = textRuleViolation(current);
      if (violation) content.push(issue(path, `${path || '(root)'} ${violation}`));
      continue;
    }
    if (typeof current !== 'object' || current === null) continue;
    if (depth + 1 > MAX_JSON_DEPTH) {
      const field = firstSegment(path) || '(root)';
      return { unsafe: [issue(field, `${field} is nested more than ${MAX_JSON_DEPTH} levels deep`)], content: [] };
    }
    const children: Pending[] = [];
    if (Array.isArray(current)) {
      current.forEach((element: unknown, index) => children.push({ value: element, path: join(path, String(index)), depth: depth + 1 }));
    } else {
      for (const key of Object.keys(current)) {
        const refused = keyProblem(key);
        if (refused === 'prototype') unsafe.push(issue(path, `the key ${quote(key)} is not accepted`));
        else if (refused) content.push(issue(path, refused));
        else children.push({ value: (current as Record<string, unknown>)[key], path: join(path, key), depth: depth + 1 });
      }
    }
    // Last pushed, first visited: pushed in reverse, fields are reported in the order they were written.
    for (let index = children.length - 1; index >= 0; index--) stack.push(children[index] as Pending);
  }
  return { unsafe, content };
}

function keyProblem(key: string): 'prototype' | string | undefined {
  if (PROTOTYPE_KEYS.has(key)) return 'prototype';
  const textViolation = textRuleViolation(key);
  if (textViolation) return `a key ${textViolation}`;
  if (key.startsWith('$') || key.includes('.')) return `the key ${quote(key)} is not accepted: keys may not start with "$" or contain "."`;
  return undefined;
}

function issue(path: string, message: string): ValidationIssue {
  return { field: path || '(root)', messages: [message] };
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

function firstSegment(path: string): string {
  return path.split('.')[0] ?? '';
}

function quote(key: string): string {
  return JSON.stringify(key.length > QUOTED_KEY_LENGTH ? `${key.slice(0, QUOTED_KEY_LENGTH)}…` : key);
}
