import { defaultMetadataStorage } from 'class-transformer/cjs/storage';

/**
 * Options for class-validator-jsonschema: with class-transformer's @Type metadata
 * a nested array names its element class (else every one would be `Array`).
 */
export function jsonSchemaOptions(refPointerPrefix: string) {
  return { refPointerPrefix, classTransformerMetadataStorage: defaultMetadataStorage };
}
