import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { RuleViolationError, ValidationIssue, validatePlain } from '@itsm/contracts';
import { getMetadataStorage } from 'class-validator';

/** Parameter types that are no contract class: a path parameter, a header, a body the route does not read. */
const NOT_CONTRACTS: readonly unknown[] = [String, Boolean, Number, Array, Object, Buffer, Date];

/**
 * Validates every body and query string against its contract class with `validatePlain`, the validation
 * every input of the platform goes through (nested objects, the text rule, required and null fields,
 * unknown fields refused), and hands the route the validated instance. A query parameter given more than
 * once is refused by name unless its contract declares a list (`@IsArray()`). Anything else (path
 * parameters, custom decorators) passes unchanged. Failures are a RuleViolationError: 400 naming each field.
 */
@Injectable()
export class ContractValidationPipe implements PipeTransform {
  transform(value: unknown, { type, metatype }: ArgumentMetadata): unknown {
    if ((type !== 'body' && type !== 'query') || !metatype || NOT_CONTRACTS.includes(metatype)) return value;
    const contract = metatype as new () => object;
    if (type === 'query') {
      const repeated = repeatedParameters(contract, value);
      if (repeated.length > 0) throw new RuleViolationError(repeated);
    }
    // An absent body is an empty one, so each required field is named.
    const result = validatePlain(contract, value ?? {});
    if (!result.ok) throw new RuleViolationError(result.issues);
    return result.value;
  }
}

/** Query parameters sent more than once (Fastify makes them a list) whose contract expects one value. */
function repeatedParameters(contract: new () => object, query: unknown): ValidationIssue[] {
  if (typeof query !== 'object' || query === null) return [];
  const lists = new Set(
    getMetadataStorage()
      .getTargetValidationMetadatas(contract, '', false, false)
      .filter((metadata) => metadata.name === 'isArray')
      .map((metadata) => metadata.propertyName),
  );
  return Object.entries(query)
    .filter(([name, value]) => Array.isArray(value) && !lists.has(name))
    .map(([name]) => ({ field: name, messages: [`${name} must be given once, not repeated`] }));
}

/** The pipe every app uses (createHttpApp installs it globally). */
export function createValidationPipe(): ContractValidationPipe {
  return new ContractValidationPipe();
}
