import { CiClassView, DefineCiClassRequest } from '@itsm/contracts/transition';
import { toVersionedView } from '@itsm/persistence';
import { Origin, RequestOrigin } from '@itsm/service-runtime';
import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { DefineCiClass } from './define-ci-class.use-case';

/** The transition service's CI class writes, called by the gateway. */
@Controller('v1/cmdb/classes')
export class DefineCiClassController {
  constructor(private readonly defineCiClass: DefineCiClass) {}

  @Post()
  @HttpCode(201)
  async define(@Body() { key, name, description, attributes }: DefineCiClassRequest, @Origin() origin: RequestOrigin): Promise<CiClassView> {
    return toVersionedView(await this.defineCiClass.define({ key, name, ...(description === undefined ? {} : { description }), attributes }, origin));
  }
}
