import { INestApplication } from '@nestjs/common';
import { AmqpTransportStrategy } from './amqp-transport.strategy';

/** Attaches an AMQP listener to an HTTP app (hybrid app); listeners are declared with @AmqpListener(). */
export function connectAmqpTransport(app: INestApplication, strategy: AmqpTransportStrategy): void {
  app.connectMicroservice({ strategy }, { inheritAppConfig: false });
}
