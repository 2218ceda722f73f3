import { DynamicModule, FactoryProvider, Module } from '@nestjs/common';
import { HealthController } from './health.controller';
import { READINESS_CHECKS, ReadinessCheck } from './readiness-check';

@Module({})
export class HealthModule {
  /** `checks` builds the service's readiness checks from whatever it injects. */
  static forChecks(checks: Pick<FactoryProvider<ReadinessCheck[]>, 'useFactory' | 'inject'>): DynamicModule {
    return {
      module: HealthModule,
      controllers: [HealthController],
      providers: [{ ...checks, provide: READINESS_CHECKS }],
    };
  }
}
