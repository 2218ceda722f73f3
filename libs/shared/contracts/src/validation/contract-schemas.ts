import { defaultMetadataStorage } from 'class-transformer/cjs/storage';
import { ValidationTypes, getMetadataStorage } from 'class-validator';
import { targetConstructorToSchema } from 'class-validator-jsonschema';
import { jsonSchemaOptions } from './json-schema-options';

/** A JSON schema as class-validator-jsonschema makes it. */
export type ContractSchema = ReturnType<typeof targetConstructorToSchema>;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any class, abstract or not, whatever its constructor takes
type ContractClass = abstract new (...args: any[]) => unknown;
/** A class as the metadata libraries take it. */
type MetadataTarget = Parameters<typeof targetConstructorToSchema>[0];

/**
 * JSON schemas of contract classes, generated from their validation rules (class-validator-jsonschema):
 * each class with everything it inherits, the classes nested in it (`@ValidateNested` with `@Type`)
 * referenced by name and collected too. Only the classes asked for and what they nest are published, so a
 * document made with it shows its own shapes and never, say, a configuration class that happens to use
 * class-validator as well.
 *
 * `closed`: every schema says `additionalProperties: false`. True of requests, whose validation refuses
 * unknown fields at every depth, and of views, whose classes list every field an answer has.
 */
export class ContractSchemas {
  private readonly classes = new Map<string, ContractClass>();
  private readonly options: ReturnType<typeof jsonSchemaOptions>;

  constructor(
    private readonly refPointerPrefix: string,
    private readonly closed: boolean,
  ) {
    this.options = jsonSchemaOptions(refPointerPrefix);
  }

  /** A reference to the schema of `target`, which is published with the classes it nests. */
  ref(target: ContractClass): { $ref: string } {
    this.add(target);
    return { $ref: `${this.refPointerPrefix}${target.name}` };
  }

  /** The schema of `target` itself, e.g. to list a query class's properties as parameters; the classes it nests are published. */
  schemaOf(target: ContractClass): ContractSchema {
    nestedClassesOf(target).forEach((nested) => this.add(nested));
    const schema = targetConstructorToSchema(target as unknown as MetadataTarget, this.options);
    return this.closed ? { ...schema, additionalProperties: false } : schema;
  }

  /** Every class referenced so far, by name. */
  schemas(): Record<string, ContractSchema> {
    const names = [...this.classes.keys()].sort();
    return Object.fromEntries(names.map((name) => [name, this.schemaOf(this.classes.get(name) as ContractClass)]));
  }

  private add(target: ContractClass): void {
    const known = this.classes.get(target.name);
    if (known === target) return;
    // Schemas are referenced by class name: two classes of one name would silently share a schema.
    if (known) throw new Error(`two contract classes are named ${target.name}; rename one`);
    this.classes.set(target.name, target);
    nestedClassesOf(target).forEach((nested) => this.add(nested));
  }
}

/** The classes a class validates nested (own and inherited properties), as their `@Type` names them. */
function nestedClassesOf(target: ContractClass): ContractClass[] {
  return getMetadataStorage()
    .getTargetValidationMetadatas(target as unknown as MetadataTarget, '', true, false)
    .filter((metadata) => metadata.type === ValidationTypes.NESTED_VALIDATION)
    .map((metadata) => {
      const nested = defaultMetadataStorage.findTypeMetadata(metadata.target as MetadataTarget, metadata.propertyName)?.typeFunction();
      if (typeof nested !== 'function') throw new Error(`${target.name}.${metadata.propertyName} is validated nested without @Type naming its class`);
      return nested as ContractClass;
    });
}
