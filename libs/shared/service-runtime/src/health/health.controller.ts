import { Controller, Get, HttpCode, Inject, ServiceUnavailableException } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { PublicRoute } from '../http/public-route.decorator';
import { READINESS_CHECKS, ReadinessCheck } from './readiness-check';

/** Kubernetes probes: liveness says the process runs, readiness that its dependencies answer. */
@ApiExcludeController()
@PublicRoute()
@Controller('health')
export class HealthController {
  constructor(@Inject(READINESS_CHECKS) private readonly checks: ReadinessCheck[]) {}

  @Get('live')
  @HttpCode(200)
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  async ready(): Promise<{ status: 'ok'; checks: Record<string, 'up'> }> {
    const results = await Promise.all(
      this.checks.map(async (check) => [check.name, await Promise.resolve(check.isReady()).catch(() => false)] as const),
    );
    const down = results.filter(([, up]) => !up).map(([name]) => name);
    if (down.length > 0) {
      throw new ServiceUnavailableException(`not ready: ${down.join(', ')}`);
    }
    return { status: 'ok', checks: Object.fromEntries(results.map(([name]) => [name, 'up' as const])) };
  }
}
