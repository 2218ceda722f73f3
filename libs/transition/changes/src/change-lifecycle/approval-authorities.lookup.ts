import { ChangeBoardKind } from '@itsm/contracts/transition';
import { ApprovalAuthorities, ChangeBoard } from '@itsm/transition/change-domain';
import { Injectable } from '@nestjs/common';
import { ChangeBoardRepository, StoredChangeBoard } from '../persistence/change-board.repository';
import { ChangeGroupRepository } from '../persistence/change-group.repository';

/** A board nobody configured yet: routing to it is refused, naming the board. */
const UNCONFIGURED: ChangeBoard = { memberIds: [], rule: { kind: 'all' } };

/** Who may authorise changes now: the change group's manager (transition's copy of operation's groups) and the two boards as configured. */
@Injectable()
export class ApprovalAuthoritiesLookup {
  constructor(
    private readonly boards: ChangeBoardRepository,
    private readonly groups: ChangeGroupRepository,
  ) {}

  async of(changeGroupId: string): Promise<ApprovalAuthorities> {
    const [groupManagerId, cab, ecab] = await Promise.all([this.groups.managerOf(changeGroupId), this.board('cab'), this.board('ecab')]);
    return { ...(groupManagerId === undefined ? {} : { groupManagerId }), cab, ecab };
  }

  private async board(kind: ChangeBoardKind): Promise<ChangeBoard> {
    const record = await this.boards.findById(kind);
    return record === null ? UNCONFIGURED : changeBoardOf(record);
  }
}

/** The domain's board from its stored record (a quorum rule always carries its quorum, checked when configured). */
export function changeBoardOf(record: Pick<StoredChangeBoard, 'memberIds' | 'rule'>): ChangeBoard {
  const { rule } = record;
  return { memberIds: record.memberIds, rule: rule.kind === 'quorum' ? { kind: 'quorum', quorum: rule.quorum ?? 0 } : { kind: rule.kind } };
}
