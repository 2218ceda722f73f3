import { Type } from 'class-transformer';
import { IsInt, Min } from 'class-validator';

/** Body of a change to a versioned record: accepted only while `expectedVersion` is still current (409 otherwise). */
export class ExpectedVersionRequest {
  @Type(() => Number)
  @IsInt()
  @Min(1)
  expectedVersion!: number;
}
