import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayNotEmpty, ArrayUnique, IsIn, IsInt, IsMilitaryTime, IsOptional, IsString, IsTimeZone, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { NonEmptyText } from '../../validation/non-empty-text';
import { UUID_PATTERN } from '../../ids/uuid-v7';
import { ServiceIdentityV1 } from '../../messages/service-identity.v1';
import { DecimalNumber } from '../../validation/decimal-number';

/** How much the business suffers when the service fails; drives change risk and incident impact. */
export const SERVICE_CRITICALITIES = ['low', 'medium', 'high', 'mission_critical'] as const;
export type ServiceCriticality = (typeof SERVICE_CRITICALITIES)[number];

/** A service's place in design's catalogue: drafted from a charter, published to users, withdrawn on retirement. */
export const CATALOGUE_STATES = ['draft', 'published', 'withdrawn'] as const;
export type CatalogueState = (typeof CATALOGUE_STATES)[number];

export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Short stable codes (offerings, form fields) that other records refer to. */
export const CODE_PATTERN = /^[a-z][a-z0-9_-]{0,49}$/;

/** A level of the service that users choose between (e.g. "Mailbox 50 GB"), with the service levels that apply. */
export class ServiceOfferingV1 {
  @Matches(CODE_PATTERN, { message: 'code must be lower case letters, digits, _ or -, starting with a letter (max 50)' })
  code!: string;

  @NonEmptyText(200)
  name!: string;

  @IsOptional()
  @IsString()
  @MaxLength(2_000)
  description?: string;

  @ArrayUnique()
  @ArrayMaxSize(20)
  @Matches(UUID_PATTERN, { each: true, message: 'each of slaIds must be the id of a service level' })
  slaIds!: string[];
}

/** A recurring weekly window in which planned work may take the service down. */
export class MaintenanceWindowV1 {
  @NonEmptyText(200)
  name!: string;

  @IsTimeZone()
  timeZone!: string;

  @ArrayNotEmpty()
  @ArrayUnique()
  @IsIn(WEEKDAYS, { each: true })
  days!: Weekday[];

  /** Local start time, HH:mm. */
  @IsMilitaryTime()
  start!: string;

  @IsInt()
  @Min(1)
  @Max(24 * 60)
  durationMinutes!: number;
}

/** Availability the service commits to, and when it may be taken down for changes. */
export class AvailabilityTargetV1 {
  /** e.g. 99.9; measured outside maintenance windows. */
  @DecimalNumber(3)
  @Min(50)
  @Max(100)
  targetPercent!: number;

  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => MaintenanceWindowV1)
  maintenanceWindows!: MaintenanceWindowV1[];
}

/** A capacity the service is sized for (e.g. 5,000 concurrent_users), warned on before it is reached. */
export class CapacityTargetV1 {
  @Matches(CODE_PATTERN, { message: 'metric must be lower case letters, digits, _ or -, starting with a letter (max 50)' })
  metric!: string;

  @NonEmptyText(50)
  unit!: string;

  @DecimalNumber(3)
  @Min(0)
  limit!: number;

  @IsInt()
  @Min(1)
  @Max(100)
  warnAtPercent!: number;
}

/** A service as service design describes it (v1 of its shape). */
export class ServiceDefinitionFieldsV1 extends ServiceIdentityV1 {
  /** Assignment group that supports the service; required to publish. */
  @IsOptional()
  @NonEmptyText(100)
  supportGroup?: string;

  /** Required to publish. */
  @IsOptional()
  @IsIn(SERVICE_CRITICALITIES)
  criticality?: ServiceCriticality;

  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ServiceOfferingV1)
  offerings!: ServiceOfferingV1[];

  @IsOptional()
  @ValidateNested()
  @Type(() => AvailabilityTargetV1)
  availability?: AvailabilityTargetV1;

  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => CapacityTargetV1)
  capacityTargets!: CapacityTargetV1[];
}

/** A catalogue service as every design.service event carries it: the whole version after the change. */
export class CatalogueServiceV1 extends ServiceDefinitionFieldsV1 {
  @Matches(UUID_PATTERN)
  serviceId!: string;

  @IsInt()
  @Min(1)
  version!: number;

  @IsIn(CATALOGUE_STATES)
  state!: CatalogueState;
}
