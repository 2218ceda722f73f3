import { Type } from 'class-transformer';
import { ArrayMaxSize, Matches, ValidateNested } from 'class-validator';
import { UUID_PATTERN } from '../../ids/uuid-v7';
import { RequestAnswerV1 } from '../messages/request-vocabulary';

/** POST /api/v1/requests: request a catalogue item (its current version), answering its form. */
export class SubmitRequestRequest {
  @Matches(UUID_PATTERN, { message: 'itemId must be the id of a catalogue item' })
  itemId!: string;

  /** One per question answered; checked against the item's form (400 naming `answers.<key>`). */
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => RequestAnswerV1)
  answers!: RequestAnswerV1[];
}
