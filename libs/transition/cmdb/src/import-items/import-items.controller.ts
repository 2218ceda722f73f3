import { ImportItemsRequest, ImportReportView } from '@itsm/contracts/transition';
import { BodyLimit, IMPORT_BODY_LIMIT, Origin, RequestOrigin } from '@itsm/service-runtime';
import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ImportItems } from './import-items.use-case';

/** The transition service's item import, called by the gateway. */
@Controller('v1/cmdb/imports/items')
export class ImportItemsController {
  constructor(private readonly importItems: ImportItems) {}

  @Post()
  @BodyLimit(IMPORT_BODY_LIMIT) // the app's ITSM_IMPORT_BODY_LIMIT_BYTES, as on the gateway
  @HttpCode(200)
  import(@Body() body: ImportItemsRequest, @Origin() origin: RequestOrigin): Promise<ImportReportView> {
    return this.importItems.import(body, origin);
  }
}
