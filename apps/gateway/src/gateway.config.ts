import { AmqpEnv, LogLevel, logLevelProperty, portProperty } from '@itsm/config';
import { Type } from 'class-transformer';
import { IsInt, IsUrl, Max, Min } from 'class-validator';

export class GatewayConfig extends AmqpEnv {
  @portProperty()
  ITSM_GATEWAY_PORT = 3000;

  /** Base URL of the operation service's query role. */
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true })
  ITSM_OPERATION_QUERY_URL = 'http://127.0.0.1:3101';

  /** Largest request body accepted, in bytes; larger gets 413. */
  @Type(() => Number)
  @IsInt()
  @Min(1024)
  @Max(10 * 1024 * 1024)
  ITSM_BODY_LIMIT_BYTES = 64 * 1024;

  @logLevelProperty()
  ITSM_LOG_LEVEL: LogLevel = 'log';
}
