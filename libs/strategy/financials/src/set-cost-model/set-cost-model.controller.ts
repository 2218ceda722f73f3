import { CostModelView, SetCostModelRequest } from '@itsm/contracts/strategy';
import { toVersionedView } from '@itsm/persistence';
import { Origin, RequestOrigin } from '@itsm/service-runtime';
import { Body, Controller, Param, Put, Res } from '@nestjs/common';
import { FastifyReply } from 'fastify';
import { SetCostModel } from './set-cost-model.use-case';

/** The strategy service's cost model writes, called by the gateway (reads: FinanceQueryController). */
@Controller('v1/finance/cost-models')
export class SetCostModelController {
  constructor(private readonly costModels: SetCostModel) {}

  /** 201 when it defines the model, 200 when it revises it. */
  @Put(':serviceId')
  async set(
    @Param('serviceId') serviceId: string,
    @Body() request: SetCostModelRequest,
    @Origin() origin: RequestOrigin,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CostModelView> {
    const model = await this.costModels.set(serviceId, request, origin);
    void reply.status(model.version === 1 ? 201 : 200);
    return toVersionedView(model);
  }
}
