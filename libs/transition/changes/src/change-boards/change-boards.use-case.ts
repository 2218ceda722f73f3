import { RuleViolationError, createCloudEvent } from '@itsm/contracts';
import { CHANGE_BOARDS, CHANGE_BOARD_CONFIGURED_V1, ChangeBoardFieldsV1, ChangeBoardKind, ConfigureChangeBoardRequest } from '@itsm/contracts/transition';
import { VersionedState, expectVersion } from '@itsm/persistence';
import { RequestOrigin } from '@itsm/service-runtime';
import { checkDecisionRule } from '@itsm/transition/change-domain';
import { Injectable } from '@nestjs/common';
import { changeBoardOf } from '../change-lifecycle/approval-authorities.lookup';
import { ChangeBoardRepository, StoredChangeBoard } from '../persistence/change-board.repository';

/**
 * The CAB and the emergency CAB: members and decision rule, configured through the API (`changes.manage`,
 * checked by the gateway). A change routed to a board copies them at that moment; a later configuration
 * applies to the changes routed after it.
 */
@Injectable()
export class ChangeBoards {
  constructor(private readonly boards: ChangeBoardRepository) {}

  /**
   * Version 1 when the board was never configured (an `expectedVersion` then is refused with 409), else
   * the next version over `expectedVersion` (required). 400 naming `rule.quorum` for a quorum outside
   * 1..members, `board` for another board than cab or ecab.
   */
  async configure(board: string, request: ConfigureChangeBoardRequest, origin: RequestOrigin): Promise<StoredChangeBoard> {
    if (!(CHANGE_BOARDS as readonly string[]).includes(board)) throw RuleViolationError.of('board', `board must be one of ${CHANGE_BOARDS.join(', ')}`);
    const fields: ChangeBoardFieldsV1 = { memberIds: [...request.memberIds], rule: request.rule.kind === 'quorum' ? { kind: 'quorum', quorum: request.rule.quorum ?? 0 } : { kind: request.rule.kind } };
    checkDecisionRule(changeBoardOf(fields).rule, fields.memberIds.length);
    const emit = (state: VersionedState<ChangeBoardFieldsV1>) => [
      createCloudEvent(CHANGE_BOARD_CONFIGURED_V1, state.id, { ...state.fields, board: board as ChangeBoardKind, version: state.version }, { service: 'transition', ...origin }, state.at),
    ];
    const existing = await this.boards.findById(board);
    if (existing === null) {
      if (request.expectedVersion !== undefined) expectVersion({ _id: board, version: 0 }, request.expectedVersion);
      return (await this.boards.define(board, fields, emit)).record;
    }
    if (request.expectedVersion === undefined) throw RuleViolationError.of('expectedVersion', `the ${board} is configured already: name the version you read`);
    return (await this.boards.reviseFrom(board, request.expectedVersion, fields, emit)).record;
  }
}
