import { defaultMetadataStorage } from 'class-transformer/cjs/storage';
import { MAX, MIN } from 'class-validator';

/**
 * Options for class-validator-jsonschema: with class-transformer's @Type metadata
 * a nested array names its element class (else every one would be `Array`). @Min and
 * @Max give only the bound: the type comes from @IsInt or @IsNumber beside them (the
 * library's own converters say `number`, which would turn every bounded integer into a number).
 */
export function jsonSchemaOptions(refPointerPrefix: string) {
  return {
    refPointerPrefix,
    classTransformerMetadataStorage: defaultMetadataStorage,
    additionalConverters: {
      [MIN]: (meta: { constraints: unknown[] }) => ({ minimum: meta.constraints[0] as number }),
      [MAX]: (meta: { constraints: unknown[] }) => ({ maximum: meta.constraints[0] as number }),
      // DecimalNumber(places): a number (no `multipleOf`: float division makes validators refuse 99.999 as a multiple of 0.001).
      isDecimalNumber: (meta: { constraints: unknown[] }) => ({ type: 'number' as const, description: `at most ${String(meta.constraints[0])} decimals` }),
      // IsoInstant: the schema the library gives IsISO8601, which it replaces.
      isIsoInstant: () => ({ oneOf: [{ format: 'date', type: 'string' as const }, { format: 'date-time', type: 'string' as const }] }),
      // LabelMap (alert labels and annotations): an object of strings, not a nested class.
      isLabelMap: (meta: { constraints: unknown[] }) => ({ type: 'object' as const, additionalProperties: { type: 'string' as const, maxLength: meta.constraints[1] as number }, maxProperties: meta.constraints[0] as number }),
    },
  };
}
