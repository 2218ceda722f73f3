import { IsOptional, IsString, MaxLength } from 'class-validator';
import { NonEmptyText } from '../../validation/non-empty-text';

/** An alert source as registered (v1): a system that sends alerts with a credential of its own, e.g. one Alertmanager. */
export class AlertSourceFieldsV1 {
  @NonEmptyText(200)
  name!: string;

  @IsOptional()
  @IsString()
  @MaxLength(2_000)
  description?: string;
}
