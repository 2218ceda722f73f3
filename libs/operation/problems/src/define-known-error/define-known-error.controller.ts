import { ExpectedVersionRequest } from '@itsm/contracts';
import { DefineKnownErrorRequest, KnownErrorView, ReviseKnownErrorRequest } from '@itsm/contracts/operation';
import { Origin, RequestOrigin, recordId } from '@itsm/service-runtime';
import { Body, Controller, HttpCode, Param, Post, Put } from '@nestjs/common';
import { toKnownErrorView } from '../known-error-query/known-error-view.mapper';
import { DefineKnownError } from './define-known-error.use-case';

/** Operation's known-error writes (define, revise, publish the workaround), called by the gateway. */
@Controller('v1/known-errors')
export class DefineKnownErrorController {
  constructor(private readonly defineKnownError: DefineKnownError) {}

  @Post()
  @HttpCode(201)
  async define(@Body() fields: DefineKnownErrorRequest, @Origin() origin: RequestOrigin): Promise<KnownErrorView> {
    return toKnownErrorView(await this.defineKnownError.define(fields, origin));
  }

  @Put(':id')
  async revise(@Param('id') id: string, @Body() { expectedVersion, ...fields }: ReviseKnownErrorRequest, @Origin() origin: RequestOrigin): Promise<KnownErrorView> {
    return toKnownErrorView(await this.defineKnownError.revise(recordId(id, 'known error'), expectedVersion, fields, origin));
  }

  @Post(':id/workaround-publication')
  @HttpCode(200)
  async publishWorkaround(@Param('id') id: string, @Body() { expectedVersion }: ExpectedVersionRequest, @Origin() origin: RequestOrigin): Promise<KnownErrorView> {
    return toKnownErrorView(await this.defineKnownError.publishWorkaround(recordId(id, 'known error'), expectedVersion, origin));
  }
}
