import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, MaxLength, Min, ValidateNested } from 'class-validator';
import { UUID_PATTERN } from '../../ids/uuid-v7';
import { ServiceIdentityV1 } from '../../messages/service-identity.v1';
import { DecisionRecordV1 } from './decision-record.v1';

/** ITIL portfolio stages: proposed (pipeline), live or chartered (catalogue), retired. */
export const PORTFOLIO_STATES = ['pipeline', 'catalogue', 'retired'] as const;
export type PortfolioState = (typeof PORTFOLIO_STATES)[number];

/** What a service proposal states, shared by the strategy API and its events (v1 of its shape). */
export class PortfolioServiceFieldsV1 extends ServiceIdentityV1 {
  @IsOptional()
  @IsString()
  @MaxLength(10_000)
  businessCase?: string;
}

/** One approved move through the portfolio: who decided it, why, and when. */
export class PortfolioStepV1 extends DecisionRecordV1 {
  @IsOptional()
  @IsIn(PORTFOLIO_STATES)
  from?: PortfolioState;

  @IsIn(PORTFOLIO_STATES)
  to!: PortfolioState;
}

/** A portfolio service as every strategy.service event carries it: the whole record after the change. */
export class PortfolioServiceV1 extends PortfolioServiceFieldsV1 {
  @Matches(UUID_PATTERN)
  serviceId!: string;

  @IsInt()
  @Min(1)
  version!: number;

  @IsIn(PORTFOLIO_STATES)
  state!: PortfolioState;

  /** The step this event records (the last of the service's history). */
  @ValidateNested()
  @Type(() => PortfolioStepV1)
  step!: PortfolioStepV1;
}
