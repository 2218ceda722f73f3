import { Type } from 'class-transformer';
import { IsInt, Min } from 'class-validator';
import { SlaDefinitionFieldsV1 } from '../messages/sla-definition-fields.v1';

/** Body of PUT /api/v1/slas/:id: a new version, accepted only if `expectedVersion` is still current. */
export class ReviseSlaRequest extends SlaDefinitionFieldsV1 {
  @Type(() => Number)
  @IsInt()
  @Min(1)
  expectedVersion!: number;
}
