import { Type } from 'class-transformer';
import { IsInt, Min } from 'class-validator';
import { ServiceDefinitionFieldsV1 } from '../messages/service-definition-fields.v1';

/** Body of PUT /api/v1/services/:id: the next version of the definition. */
export class ReviseServiceRequest extends ServiceDefinitionFieldsV1 {
  @Type(() => Number)
  @IsInt()
  @Min(1)
  expectedVersion!: number;
}
