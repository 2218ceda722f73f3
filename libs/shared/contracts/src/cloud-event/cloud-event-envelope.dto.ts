import { Equals, IsISO8601, IsObject, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { NonEmptyText } from '../validation/non-empty-text';
import { CLOUDEVENTS_SPEC_VERSION, EVENT_DATA_CONTENT_TYPE } from './cloud-event';

/** Validation rules for a received envelope; the payload is checked separately against its type's class. */
export class CloudEventEnvelopeDto {
  @Equals(CLOUDEVENTS_SPEC_VERSION)
  specversion!: string;

  @NonEmptyText(200)
  id!: string;

  @NonEmptyText(500)
  source!: string;

  @IsString()
  @Matches(/^itsm\.[a-z]+(\.[a-z][a-z-]*)+\.v[1-9][0-9]*$/, { message: 'type must look like itsm.<service>.<entity>.<fact>.v<version>' })
  type!: string;

  @NonEmptyText(200)
  subject!: string;

  @IsISO8601({ strict: true })
  time!: string;

  @Equals(EVENT_DATA_CONTENT_TYPE)
  datacontenttype!: string;

  @NonEmptyText(200)
  correlationid!: string;

  @NonEmptyText(200)
  causationid!: string;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  actorid?: string;

  @IsObject()
  data!: Record<string, unknown>;
}
