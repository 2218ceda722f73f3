import { NotFoundError } from '@itsm/contracts';
import { ChangeBoardView, ConfigureChangeBoardRequest } from '@itsm/contracts/transition';
import { toVersionedView } from '@itsm/persistence';
import { Origin, RequestOrigin } from '@itsm/service-runtime';
import { Body, Controller, Get, HttpCode, Param, Put } from '@nestjs/common';
import { ChangeBoardRepository } from '../persistence/change-board.repository';
import { ChangeBoards } from './change-boards.use-case';

/** The transition service's change advisory boards (cab, ecab), called by the gateway. */
@Controller('v1/change-boards')
export class ChangeBoardsController {
  constructor(
    private readonly boards: ChangeBoards,
    private readonly stored: ChangeBoardRepository,
  ) {}

  @Put(':board')
  @HttpCode(200)
  async configure(@Param('board') board: string, @Body() request: ConfigureChangeBoardRequest, @Origin() origin: RequestOrigin): Promise<ChangeBoardView> {
    return toVersionedView(await this.boards.configure(board, request, origin)) as ChangeBoardView;
  }

  @Get(':board')
  async get(@Param('board') board: string): Promise<ChangeBoardView> {
    const record = await this.stored.findById(board);
    if (!record) throw new NotFoundError('change board', board, `the ${board} is not configured`);
    return toVersionedView(record) as ChangeBoardView;
  }
}
