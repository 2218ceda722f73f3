import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayNotEmpty, ArrayUnique, IsBoolean, IsIn, IsObject, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
import { NonEmptyText } from '../../validation/non-empty-text';

/** Keys of classes and attributes: lower case, stable, what imports and other records refer to. */
export const CMDB_KEY_PATTERN = /^[a-z][a-z0-9_]{0,49}$/;
const KEY_MESSAGE = 'must be lower case letters, digits or _, starting with a letter (max 50)';

/** Types an attribute of a CI class can have; `date` is a calendar date `YYYY-MM-DD`, `enum` one of the attribute's `values`. */
export const ATTRIBUTE_TYPES = ['string', 'number', 'integer', 'boolean', 'date', 'enum'] as const;
export type AttributeType = (typeof ATTRIBUTE_TYPES)[number];

/**
 * Where a configuration item is in its life. `retired` items stay in the CMDB (history, relationships)
 * and are still walked by impact analysis, marked as such.
 */
export const CI_LIFECYCLE_STATES = ['planned', 'in_build', 'operational', 'in_maintenance', 'retired'] as const;
export type CiLifecycleState = (typeof CI_LIFECYCLE_STATES)[number];

/**
 * Types of relationship, each directed `from` → `to`. Which end depends on the other (and so is
 * affected when the other fails) is a rule of the CMDB domain (`dependencyOf`): `depends_on`, `runs_on`,
 * `connects_to`, `uses`: `from` depends on `to`; `part_of`, `hosts`: `to` depends on `from`.
 */
export const RELATIONSHIP_TYPES = ['depends_on', 'runs_on', 'connects_to', 'uses', 'part_of', 'hosts'] as const;
export type RelationshipType = (typeof RELATIONSHIP_TYPES)[number];

/** A value of an attribute: text (string, date, enum), a number, or a boolean. */
export type AttributeValue = string | number | boolean;

/** An attribute a CI class defines for its items. */
export class AttributeDefinitionV1 {
  @Matches(CMDB_KEY_PATTERN, { message: `name ${KEY_MESSAGE}` })
  name!: string;

  @IsIn(ATTRIBUTE_TYPES)
  type!: AttributeType;

  /** An item of the class must have it. */
  @IsBoolean()
  required!: boolean;

  /** The allowed values of an `enum` attribute (only for `enum`). */
  @IsOptional()
  @ArrayNotEmpty()
  @ArrayUnique()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  values?: string[];
}

/** A class of configuration items (v1 of its shape): its key, name and the attributes its items carry. */
export class CiClassFieldsV1 {
  /** Stable key items and imports name the class by, e.g. `load_balancer`; unique. */
  @Matches(CMDB_KEY_PATTERN, { message: `key ${KEY_MESSAGE}` })
  key!: string;

  @NonEmptyText(200)
  name!: string;

  @IsOptional()
  @IsString()
  @MaxLength(2_000)
  description?: string;

  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => AttributeDefinitionV1)
  attributes!: AttributeDefinitionV1[];
}

/**
 * Attribute values by attribute name, checked against the item's class (`attributeIssues` of the CMDB
 * domain): names the class defines, of its types, every required one present.
 */
export function AttributeValuesProperty(): PropertyDecorator {
  return (target, property) => {
    IsObject()(target, property);
    JSONSchema({ type: 'object', additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }] } })(target, String(property));
  };
}

/** A configuration item (v1 of its shape). */
export class ConfigurationItemFieldsV1 {
  /** The key of its class (built in: business_service, application, server, database, network_device). */
  @Matches(CMDB_KEY_PATTERN, { message: `classKey ${KEY_MESSAGE}` })
  classKey!: string;

  @NonEmptyText(200)
  name!: string;

  /** Who is accountable for the item (a user id). */
  @IsOptional()
  @NonEmptyText(100)
  owner?: string;

  /** Assignment group that supports the item. */
  @IsOptional()
  @NonEmptyText(100)
  supportGroup?: string;

  @IsIn(CI_LIFECYCLE_STATES)
  lifecycleState!: CiLifecycleState;

  @AttributeValuesProperty()
  attributes!: Record<string, AttributeValue>;

  /**
   * The item's id in the system it comes from (a discovery tool, a spreadsheet); unique across the CMDB.
   * Imports upsert by it; design's catalogue services come in as `design-service:<service id>`.
   */
  @IsOptional()
  @NonEmptyText(200)
  externalId?: string;
}
