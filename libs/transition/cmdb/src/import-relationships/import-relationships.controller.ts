import { ImportRelationshipsRequest, ImportReportView } from '@itsm/contracts/transition';
import { BodyLimit, IMPORT_BODY_LIMIT, Origin, RequestOrigin } from '@itsm/service-runtime';
import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ImportRelationships } from './import-relationships.use-case';

/** The transition service's relationship import, called by the gateway. */
@Controller('v1/cmdb/imports/relationships')
export class ImportRelationshipsController {
  constructor(private readonly importRelationships: ImportRelationships) {}

  @Post()
  @BodyLimit(IMPORT_BODY_LIMIT) // the app's ITSM_IMPORT_BODY_LIMIT_BYTES, as on the gateway
  @HttpCode(200)
  import(@Body() body: ImportRelationshipsRequest, @Origin() origin: RequestOrigin): Promise<ImportReportView> {
    return this.importRelationships.import(body, origin);
  }
}
