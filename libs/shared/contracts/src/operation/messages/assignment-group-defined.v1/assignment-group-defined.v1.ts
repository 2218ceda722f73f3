import { IsInt, Matches, Min } from 'class-validator';
import { UUID_PATTERN } from '../../../ids/uuid-v7';
import { defineMessage } from '../../../messages/message-definition';
import { AssignmentGroupFieldsV1 } from '../assignment-group-fields.v1';

/** An assignment group as its events carry it: the whole definition of one version. */
export class AssignmentGroupV1 extends AssignmentGroupFieldsV1 {
  @Matches(UUID_PATTERN)
  groupId!: string;

  @IsInt()
  @Min(1)
  version!: number;
}

export const ASSIGNMENT_GROUP_DEFINED_V1 = defineMessage({
  type: 'itsm.operation.assignment-group.defined.v1',
  kind: 'event',
  recordType: 'assignment-group',
  payload: AssignmentGroupV1,
  summary: 'An assignment group was defined (version 1); carries its whole definition.',
});
