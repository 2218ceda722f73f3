import { IsISO8601, IsNotEmpty, IsString } from 'class-validator';

/** Who took a decision (an approval, a rejection), why, and when; kept with the record it changed. */
export class DecisionRecordV1 {
  @IsString()
  @IsNotEmpty()
  by!: string;

  @IsString()
  @IsNotEmpty()
  reason!: string;

  @IsISO8601()
  at!: string;
}
