import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayNotEmpty, IsArray, ValidateNested } from 'class-validator';
import { CostItemV1 } from '../messages/financials-fields.v1';
import { ExpectedVersion } from '../../http/expected-version';

/** Body of PUT /api/v1/finance/cost-models/:serviceId: without expectedVersion it defines the model (409 if one exists), with it it revises. */
export class SetCostModelRequest {
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => CostItemV1)
  items!: CostItemV1[];

  @ExpectedVersion({ optional: true })
  expectedVersion?: number;
}
