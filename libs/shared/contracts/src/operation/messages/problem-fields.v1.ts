import { ArrayMaxSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsInt, IsISO8601, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, Min } from 'class-validator';
import { UUID_PATTERN } from '../../ids/uuid-v7';
import { NonEmptyText } from '../../validation/non-empty-text';
import { IMPACT_LEVELS, Impact, URGENCY_LEVELS, Urgency } from './incident-vocabulary';
import { PROBLEM_LIMITS, PROBLEM_STATES, ProblemState, ROOT_CAUSE_METHODS, RootCauseMethod } from './problem-vocabulary';

/** Configuration item or service ids one record names: unique, non-blank references. */
export function References(): PropertyDecorator {
  const decorators = [
    IsArray(),
    ArrayUnique(),
    ArrayMaxSize(PROBLEM_LIMITS.maxReferences),
    IsString({ each: true }),
    IsNotEmpty({ each: true }),
    MaxLength(PROBLEM_LIMITS.referenceMaxLength, { each: true }),
  ];
  return (target, property) => decorators.forEach((decorate) => decorate(target, property));
}

/** The base of a class that has no fields of its own but those a mixin adds. */
abstract class NoFields {}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a mixin's base must be typed `new (...args: any[])` (TypeScript's rule)
type Base = abstract new (...args: any[]) => object;

/** Adds what a problem is reported with to `Fields` (one set of rules for the request and the created event). */
export function WithProblemReport<TFields extends Base = typeof NoFields>(Fields: TFields = NoFields as TFields) {
  abstract class ProblemReportFields extends Fields {
    @NonEmptyText(PROBLEM_LIMITS.titleMaxLength)
    title!: string;

    @IsOptional()
    @IsString()
    @MaxLength(PROBLEM_LIMITS.textMaxLength)
    description?: string;

    /** The affected service (a catalogue service id). */
    @IsOptional()
    @NonEmptyText(PROBLEM_LIMITS.referenceMaxLength)
    serviceId?: string;

    /** The affected configuration items, each by its id or external id when written; stored, shown and carried in events as the items' ids. */
    @References()
    configurationItemIds!: string[];

    /** 1 high .. 3 low; with urgency gives the priority (the incidents' matrix). */
    @IsIn(IMPACT_LEVELS)
    impact!: Impact;

    @IsIn(URGENCY_LEVELS)
    urgency!: Urgency;

    /** Whether applying the fix also resolves the problem's open linked incidents, each with a note naming the problem. */
    @IsBoolean()
    resolveLinkedIncidents!: boolean;
  }
  return ProblemReportFields;
}

/** What a problem is reported with (v1), the body of POST /api/v1/problems and part of its created event. */
export class ProblemReportFieldsV1 extends WithProblemReport() {}

/** What every problem event carries: which problem, the version the change wrote, when and by whom. */
export class ProblemFactFieldsV1 {
  @Matches(UUID_PATTERN)
  problemId!: string;

  @Matches(/^PRB[0-9]{7,}$/)
  number!: string;

  @IsInt()
  @Min(1)
  version!: number;

  @IsISO8601({ strict: true })
  at!: string;

  /** User id of who did it. */
  @NonEmptyText(PROBLEM_LIMITS.referenceMaxLength)
  by!: string;
}

/** A fact that moved the problem from one state to another. */
export class ProblemStateMoveFieldsV1 extends ProblemFactFieldsV1 {
  @IsIn(PROBLEM_STATES)
  from!: ProblemState;

  @IsIn(PROBLEM_STATES)
  to!: ProblemState;
}

/** Adds a root-cause analysis to `Fields`: how the cause was found, the cause, and what contributed to it. */
export function WithRootCauseAnalysis<TFields extends Base = typeof NoFields>(Fields: TFields = NoFields as TFields) {
  abstract class RootCauseAnalysisFields extends Fields {
    @IsIn(ROOT_CAUSE_METHODS)
    method!: RootCauseMethod;

    @NonEmptyText(PROBLEM_LIMITS.textMaxLength)
    rootCause!: string;

    @IsArray()
    @ArrayMaxSize(PROBLEM_LIMITS.maxContributingFactors)
    @IsString({ each: true })
    @IsNotEmpty({ each: true })
    @MaxLength(PROBLEM_LIMITS.contributingFactorMaxLength, { each: true })
    contributingFactors!: string[];
  }
  return RootCauseAnalysisFields;
}

/** A root-cause analysis (v1): how the cause was found, the cause, and what contributed to it. */
export class RootCauseAnalysisFieldsV1 extends WithRootCauseAnalysis() {}
