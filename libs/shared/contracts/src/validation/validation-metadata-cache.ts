import { MetadataStorage, getMetadataStorage } from 'class-validator';

type ValidationMetadata = ReturnType<MetadataStorage['getTargetValidationMetadatas']>[number];
type Lookup = MetadataStorage['getTargetValidationMetadatas'];

const CACHED = Symbol.for('itsm.validation-metadata-cache');

/**
 * Makes class-validator's metadata storage answer `getTargetValidationMetadatas` (a class's rules,
 * its parents' included) from memory. The storage computes the answer afresh on every call, testing
 * the class against every class that has rules (`instanceof` for inheritance), and every validation
 * asks twice (class-validator itself and settleMissingValues): with the platform's hundreds of
 * contract classes loaded, that search was the largest part of validating a request body. The rules
 * of a class change only when a decorator adds one, so the memory is emptied on each
 * `addValidationMetadata`. Answers are shared: callers read them, none changes them (class-validator
 * groups them into new objects). Idempotent; `validatePlain` installs it on the global storage.
 */
export function cacheValidationMetadata(storage: MetadataStorage = getMetadataStorage()): void {
  const marked = storage as MetadataStorage & { [CACHED]?: true };
  if (marked[CACHED]) return;
  marked[CACHED] = true;
  const lookup: Lookup = storage.getTargetValidationMetadatas.bind(storage);
  const add = storage.addValidationMetadata.bind(storage);
  let answers = new Map<unknown, Map<string, ValidationMetadata[]>>();
  storage.addValidationMetadata = (metadata) => {
    answers = new Map();
    add(metadata);
  };
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    const variant = groups === undefined || groups.length === 0 ? `${schema}|${always}|${strictGroups}` : JSON.stringify([schema, always, strictGroups, groups]);
    let byVariant = answers.get(target);
    if (byVariant === undefined) answers.set(target, (byVariant = new Map()));
    let answer = byVariant.get(variant);
    if (answer === undefined) byVariant.set(variant, (answer = lookup(target, schema, always, strictGroups, groups)));
    return answer;
  };
}
