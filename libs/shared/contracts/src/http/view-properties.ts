import { Allow, IsInt, IsISO8601, Matches, Min } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
import { UUID_PATTERN } from '../ids/uuid-v7';

/**
 * Property decorators of the views (`*.view.ts`), the shapes the API answers with. A view is a class so
 * that the gateway generates its OpenAPI schema from it, as it does for requests from their validation
 * rules (class-validator-jsonschema reads these decorators). Views are not validated on the way out; the
 * conformance test (schemathesis) checks every answer against the schema instead.
 */

/** The OpenAPI schema of a property, as class-validator-jsonschema takes it. */
type PropertySchema = Exclude<Parameters<typeof JSONSchema>[0], (...args: never[]) => unknown>;

/** The property's schema is exactly `schema`, whatever its validation decorators would give. */
function documentedAs(schema: PropertySchema): PropertyDecorator {
  return (target, property) => JSONSchema(() => schema)(target, String(property));
}

/** Applies several property decorators as one. */
function all(...decorators: PropertyDecorator[]): PropertyDecorator {
  return (target, property) => decorators.forEach((decorate) => decorate(target, property));
}

/** The UUIDv7 a record was given when it was created. */
export function RecordIdProperty(): PropertyDecorator {
  return Matches(UUID_PATTERN);
}

/** An instant in ISO 8601 / RFC 3339, UTC with milliseconds, e.g. 2026-03-01T09:30:00.000Z. */
export function TimestampProperty(): PropertyDecorator {
  return all(IsISO8601({ strict: true }), documentedAs({ type: 'string', format: 'date-time' }));
}

/** The version of a record whose every change is a new version (1, 2, ...). */
export function VersionProperty(): PropertyDecorator {
  return all(IsInt(), Min(1));
}

/**
 * A property the view always has, whose value may be `null` (`schema` describes the other values): required
 * and nullable in the document. class-validator cannot say "required but nullable", hence the explicit schema.
 */
export function NullableProperty(schema: PropertySchema): PropertyDecorator {
  return all(Allow(), documentedAs({ ...schema, nullable: true }));
}

/** The base of a view that has no fields class of its own. */
abstract class NoFields {}

/** The version and timestamps of a versioned record's view, added to the fields it was defined with. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a mixin's base must be typed `new (...args: any[])` (TypeScript's rule)
export function VersionedView<TFields extends abstract new (...args: any[]) => object = typeof NoFields>(Fields: TFields = NoFields as TFields) {
  abstract class VersionedRecordView extends Fields {
    @VersionProperty()
    version!: number;

    @TimestampProperty()
    createdAt!: string;

    @TimestampProperty()
    updatedAt!: string;
  }
  return VersionedRecordView;
}
