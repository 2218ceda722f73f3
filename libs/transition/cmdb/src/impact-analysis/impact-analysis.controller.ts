import { ImpactQuery, ImpactView } from '@itsm/contracts/transition';
import { recordId } from '@itsm/service-runtime';
import { Controller, Get, Param, Query } from '@nestjs/common';
import { ImpactAnalysis } from './impact-analysis.use-case';

/** The transition service's impact analysis, called by the gateway. */
@Controller('v1/cmdb/items')
export class ImpactAnalysisController {
  constructor(private readonly impact: ImpactAnalysis) {}

  @Get(':id/impact')
  analyse(@Param('id') id: string, @Query() { direction, depth }: ImpactQuery): Promise<ImpactView> {
    return this.impact.analyse(recordId(id, 'configuration item'), direction, depth);
  }
}
