import { AlertSourceRegisteredView, AlertSourceView, RegisterAlertSourceRequest } from '@itsm/contracts/operation';
import { Origin, RequestOrigin, recordId } from '@itsm/service-runtime';
import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { toAlertSourceView } from './alert-source-view.mapper';
import { RegisterAlertSource } from './register-alert-source.use-case';

/** Operation's alert source writes (register, revoke), called by the gateway. */
@Controller('v1/alert-sources')
export class RegisterAlertSourceController {
  constructor(private readonly registerSource: RegisterAlertSource) {}

  @Post()
  @HttpCode(201)
  async register(@Body() fields: RegisterAlertSourceRequest, @Origin() origin: RequestOrigin): Promise<AlertSourceRegisteredView> {
    const { source, credential } = await this.registerSource.register(fields, origin);
    return { ...toAlertSourceView(source), credential };
  }

  @Post(':id/revocation')
  @HttpCode(200)
  async revoke(@Param('id') id: string, @Origin() origin: RequestOrigin): Promise<AlertSourceView> {
    return toAlertSourceView(await this.registerSource.revoke(recordId(id, 'alert source'), origin));
  }
}
