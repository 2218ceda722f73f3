import {
  AssessChangeRequest,
  CancelRequest,
  ChangeCommandRequest,
  ChangeView,
  CloseChangeRequest,
  CompleteImplementationRequest,
  ReplanChangeRequest,
  ReviewChangeRequest,
  ScheduleChangeRequest,
  VoteOnChangeRequest,
} from '@itsm/contracts/transition';
import { Origin, RequestOrigin, recordId } from '@itsm/service-runtime';
import { Body, Controller, HttpCode, Param, Post, Put } from '@nestjs/common';
import { changeView } from '../change-query/change-view.mapper';
import { ChangeLifecycle } from './change-lifecycle.use-case';

/** The transition service's change lifecycle commands, called by the gateway (each answers the change as written). */
@Controller('v1/changes/:id')
export class ChangeLifecycleController {
  constructor(private readonly lifecycle: ChangeLifecycle) {}

  @Post('submission')
  @HttpCode(200)
  async submit(@Param('id') id: string, @Body() request: ChangeCommandRequest, @Origin() origin: RequestOrigin): Promise<ChangeView> {
    return changeView(await this.lifecycle.submit(recordId(id, 'change'), request, origin));
  }

  @Post('assessment')
  @HttpCode(200)
  async assess(@Param('id') id: string, @Body() request: AssessChangeRequest, @Origin() origin: RequestOrigin): Promise<ChangeView> {
    return changeView(await this.lifecycle.assess(recordId(id, 'change'), request, origin));
  }

  @Post('votes')
  @HttpCode(200)
  async vote(@Param('id') id: string, @Body() request: VoteOnChangeRequest, @Origin() origin: RequestOrigin): Promise<ChangeView> {
    return changeView(await this.lifecycle.vote(recordId(id, 'change'), request, origin));
  }

  @Post('schedule')
  @HttpCode(200)
  async schedule(@Param('id') id: string, @Body() request: ScheduleChangeRequest, @Origin() origin: RequestOrigin): Promise<ChangeView> {
    return changeView(await this.lifecycle.schedule(recordId(id, 'change'), request, origin));
  }

  @Put('plan')
  @HttpCode(200)
  async replan(@Param('id') id: string, @Body() request: ReplanChangeRequest, @Origin() origin: RequestOrigin): Promise<ChangeView> {
    return changeView(await this.lifecycle.replan(recordId(id, 'change'), request, origin));
  }

  @Post('implementation')
  @HttpCode(200)
  async startImplementation(@Param('id') id: string, @Body() request: ChangeCommandRequest, @Origin() origin: RequestOrigin): Promise<ChangeView> {
    return changeView(await this.lifecycle.startImplementation(recordId(id, 'change'), request, origin));
  }

  @Post('implementation/completion')
  @HttpCode(200)
  async completeImplementation(@Param('id') id: string, @Body() request: CompleteImplementationRequest, @Origin() origin: RequestOrigin): Promise<ChangeView> {
    return changeView(await this.lifecycle.completeImplementation(recordId(id, 'change'), request, origin));
  }

  @Post('review')
  @HttpCode(200)
  async review(@Param('id') id: string, @Body() request: ReviewChangeRequest, @Origin() origin: RequestOrigin): Promise<ChangeView> {
    return changeView(await this.lifecycle.review(recordId(id, 'change'), request, origin));
  }

  @Post('closure')
  @HttpCode(200)
  async close(@Param('id') id: string, @Body() request: CloseChangeRequest, @Origin() origin: RequestOrigin): Promise<ChangeView> {
    return changeView(await this.lifecycle.close(recordId(id, 'change'), request, origin));
  }

  @Post('cancellation')
  @HttpCode(200)
  async cancel(@Param('id') id: string, @Body() request: CancelRequest, @Origin() origin: RequestOrigin): Promise<ChangeView> {
    return changeView(await this.lifecycle.cancel(recordId(id, 'change'), request, origin));
  }
}
