import { IMPORT_MAX_ROWS, ImportItemsRequest, ImportRelationshipsRequest, ImportReportView } from '@itsm/contracts/transition';
import { ForwardedOrigin, RequirePolicy } from '@itsm/gateway/auth';
import { ApiProblemResponses, ApiViewResponse, BodyLimit, IMPORT_BODY_LIMIT, OriginHeaders, ServiceHttpClient } from '@itsm/service-runtime';
import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { TRANSITION_IMPORT_CLIENT } from '../transition-client';

/** What both import routes say about their size: the row cap and the body limit of their own. */
const IMPORT_SIZE =
  `At most ${IMPORT_MAX_ROWS.toLocaleString('en')} rows a request (more: 400 naming the field), and a body of at most ITSM_IMPORT_BODY_LIMIT_BYTES (32 MiB by default; more: 413 naming the limit), ` +
  'where every other route takes 64 KiB (ITSM_BODY_LIMIT_BYTES): a larger CMDB is imported in several requests.';

/** Bulk imports into the CMDB, JSON or CSV, upserting by external id; their bodies may be larger than other routes' (`@BodyLimit`). */
@ApiTags('cmdb')
@ApiBearerAuth()
@ApiProblemResponses(401, 403, 429)
@Controller('api/v1/cmdb/imports')
export class CmdbImportsController {
  constructor(@Inject(TRANSITION_IMPORT_CLIENT) private readonly transition: ServiceHttpClient) {}

  @Post('items')
  @BodyLimit(IMPORT_BODY_LIMIT)
  @HttpCode(200)
  @RequirePolicy('cmdb.manage')
  @ApiOperation({
    summary: 'Import configuration items (JSON rows or CSV)',
    description:
      'Upserts by external id; each row is reported created, updated, unchanged or refused with its issues, so repeating an import changes nothing. ' +
      `${IMPORT_SIZE} CSV header: externalId,classKey,name,owner,supportGroup,lifecycleState,attr.<name>...`,
  })
  @ApiViewResponse(200, ImportReportView)
  @ApiProblemResponses(409, 422, 502, 503)
  items(@Body() body: ImportItemsRequest, @ForwardedOrigin() origin: OriginHeaders): Promise<ImportReportView> {
    return this.transition.send<ImportReportView>('POST', '/v1/cmdb/imports/items', body, origin);
  }

  @Post('relationships')
  @BodyLimit(IMPORT_BODY_LIMIT)
  @HttpCode(200)
  @RequirePolicy('cmdb.manage')
  @ApiOperation({
    summary: 'Import relationships (JSON rows or CSV), their ends named by external ids',
    description: `A relationship that exists is reported unchanged; a row naming an item that is not in the CMDB is refused. ${IMPORT_SIZE} CSV header: type,fromExternalId,toExternalId.`,
  })
  @ApiViewResponse(200, ImportReportView)
  @ApiProblemResponses(409, 422, 502, 503)
  relationships(@Body() body: ImportRelationshipsRequest, @ForwardedOrigin() origin: OriginHeaders): Promise<ImportReportView> {
    return this.transition.send<ImportReportView>('POST', '/v1/cmdb/imports/relationships', body, origin);
  }
}
