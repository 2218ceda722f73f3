import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayNotEmpty, ArrayUnique, IsBoolean, IsIn, IsInt, IsNotEmpty, IsNumber, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { NonEmptyText } from '../../validation/non-empty-text';
import { UUID_PATTERN } from '../../ids/uuid-v7';
import { CODE_PATTERN } from './service-definition-fields.v1';

export const FORM_FIELD_TYPES = ['text', 'textarea', 'number', 'boolean', 'date', 'email', 'choice', 'multi_choice', 'user'] as const;
export type FormFieldType = (typeof FORM_FIELD_TYPES)[number];

/** Who must approve a request, in order: the requester's line manager, the service owner, a named user or any member of a group. */
export const APPROVER_KINDS = ['manager', 'service_owner', 'user', 'group'] as const;
export type ApproverKind = (typeof APPROVER_KINDS)[number];

/** One question of a catalogue item's request form. Type-specific rules are checked by the design service. */
export class FormFieldV1 {
  @Matches(CODE_PATTERN, { message: 'key must be lower case letters, digits, _ or -, starting with a letter (max 50)' })
  key!: string;

  @NonEmptyText(200)
  label!: string;

  @IsIn(FORM_FIELD_TYPES)
  type!: FormFieldType;

  @IsBoolean()
  required!: boolean;

  @IsOptional()
  @IsString()
  @MaxLength(1_000)
  helpText?: string;

  /** The choices of a choice or multi_choice field (and only of those). */
  @IsOptional()
  @ArrayNotEmpty()
  @ArrayUnique()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(200, { each: true })
  allowedValues?: string[];

  /** Bounds of a number field. */
  @IsOptional()
  @IsNumber()
  min?: number;

  @IsOptional()
  @IsNumber()
  max?: number;

  /** Longest answer of a text or textarea field. */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10_000)
  maxLength?: number;
}

export class ApprovalStepV1 {
  @IsIn(APPROVER_KINDS)
  approver!: ApproverKind;

  /** The user id (approver `user`) or group name (approver `group`); absent for the others. */
  @IsOptional()
  @NonEmptyText(100)
  ref?: string;
}

/** Something users can request from a service, with the form they fill in and how it is approved and fulfilled (v1 of its shape). */
export class CatalogueItemFieldsV1 {
  @Matches(UUID_PATTERN, { message: 'serviceId must be the id of a catalogue service' })
  serviceId!: string;

  /** The service offering this item belongs to, if any. */
  @IsOptional()
  @Matches(CODE_PATTERN, { message: 'offeringCode must be the code of one of the service offerings' })
  offeringCode?: string;

  @NonEmptyText(200)
  name!: string;

  @NonEmptyText(5_000)
  description!: string;

  @NonEmptyText(100)
  category!: string;

  /** Extra words requesters may search by. */
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(50, { each: true })
  keywords!: string[];

  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => FormFieldV1)
  form!: FormFieldV1[];

  /** Approvals in order; empty means none is needed. */
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => ApprovalStepV1)
  approvals!: ApprovalStepV1[];

  @NonEmptyText(100)
  fulfilmentGroup!: string;

  /** Expected delivery, in business minutes of the fulfilment group's calendar. */
  @IsInt()
  @Min(1)
  @Max(525_600)
  deliveryTargetMinutes!: number;

  /** Inactive items stay defined but cannot be requested. */
  @IsBoolean()
  active!: boolean;
}
