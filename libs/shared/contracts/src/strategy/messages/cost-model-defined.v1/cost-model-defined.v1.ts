import { Type } from 'class-transformer';
import { IsArray, IsInt, Matches, Min, ValidateNested } from 'class-validator';
import { UUID_PATTERN } from '../../../ids/uuid-v7';
import { defineMessage } from '../../../messages/message-definition';
import { CURRENCY_PATTERN, CostItemV1 } from '../financials-fields.v1';

/** Event: a service's cost model was defined or revised; carries the whole model. */
export class CostModelDefinedV1 {
  /** The portfolio service the model prices (also the model's id). */
  @Matches(UUID_PATTERN)
  serviceId!: string;

  @IsInt()
  @Min(1)
  version!: number;

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => CostItemV1)
  items!: CostItemV1[];

  /** ISO 4217 code of the amounts and rates. */
  @Matches(CURRENCY_PATTERN)
  currency!: string;
}

export const COST_MODEL_DEFINED_V1 = defineMessage({
  type: 'itsm.strategy.cost-model.defined.v1',
  kind: 'event',
  recordType: 'cost-model',
  payload: CostModelDefinedV1,
  summary: "A service's cost model (fixed and per-unit cost items) was defined or revised; carries the whole model, its version and currency.",
});
