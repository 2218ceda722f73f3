import { NotFoundError } from '@itsm/contracts';
import { CostModelView, SetCostModelRequest } from '@itsm/contracts/strategy';
import { toVersionedView } from '@itsm/persistence';
import { Origin, RequestOrigin, recordId } from '@itsm/service-runtime';
import { Body, Controller, Get, Param, Put, Res } from '@nestjs/common';
import { FastifyReply } from 'fastify';
import { CostModelRepository } from '../persistence/cost-model.repository';
import { SetCostModel } from './set-cost-model.use-case';

/** The strategy service's cost model API, called by the gateway. */
@Controller('v1/finance/cost-models')
export class CostModelsController {
  constructor(
    private readonly costModels: SetCostModel,
    private readonly models: CostModelRepository,
  ) {}

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

  @Get(':serviceId')
  async get(@Param('serviceId') serviceId: string): Promise<CostModelView> {
    const model = await this.models.findById(recordId(serviceId, 'cost model of service'));
    if (!model) throw new NotFoundError('cost model', serviceId, `service ${serviceId} has no cost model`);
    return toVersionedView(model);
  }
}
