import { Equals, IsISO8601, IsNotEmpty, IsObject, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { CLOUDEVENTS_SPEC_VERSION, EVENT_DATA_CONTENT_TYPE } from './cloud-event';

/** Validation rules for a received envelope; the payload is checked separately against its type's class. */
export class CloudEventEnvelopeDto {
  @Equals(CLOUDEVENTS_SPEC_VERSION)
  specversion!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  id!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  source!: string;

  @IsString()
  @Matches(/^itsm\.[a-z]+(\.[a-z][a-z-]*)+\.v[1-9][0-9]*$/, { message: 'type must look like itsm.<service>.<entity>.<fact>.v<version>' })
  type!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  subject!: string;

  @IsISO8601({ strict: true })
  time!: string;

  @Equals(EVENT_DATA_CONTENT_TYPE)
  datacontenttype!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  correlationid!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  causationid!: string;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  actorid?: string;

  @IsObject()
  data!: Record<string, unknown>;
}
