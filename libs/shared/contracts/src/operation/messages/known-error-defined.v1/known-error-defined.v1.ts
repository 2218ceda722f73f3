import { IsInt, IsOptional, Matches, Min } from 'class-validator';
import { UUID_PATTERN } from '../../../ids/uuid-v7';
import { defineMessage } from '../../../messages/message-definition';
import { KnownErrorFieldsV1 } from '../known-error-fields.v1';

/** A known error as its events carry it: the whole definition of one version. */
export class KnownErrorV1 extends KnownErrorFieldsV1 {
  @Matches(UUID_PATTERN)
  knownErrorId!: string;

  @IsInt()
  @Min(1)
  version!: number;

  /** The number of its problem, e.g. PRB0000042. */
  @Matches(/^PRB[0-9]{7,}$/)
  problemNumber!: string;

  /** The version whose workaround was last published to the problem's incidents; absent while none was. */
  @IsOptional()
  @IsInt()
  @Min(1)
  workaroundPublishedVersion?: number;
}

export const KNOWN_ERROR_DEFINED_V1 = defineMessage({
  type: 'itsm.operation.known-error.defined.v1',
  kind: 'event',
  recordType: 'known-error',
  payload: KnownErrorV1,
  summary: 'A known error was recorded for a problem (version 1); carries its whole definition.',
});
