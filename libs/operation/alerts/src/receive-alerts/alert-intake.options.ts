import { Principal } from '@itsm/contracts';

/** How alert intake correlates (ITSM_ALERT_CORRELATION_WINDOW_SECONDS, ITSM_ALERT_FLAP_DAMPING_SECONDS, in ms). */
export interface AlertIntakeOptions {
  windowMs: number;
  flapDampingMs: number;
}

export const ALERT_INTAKE_OPTIONS = Symbol('ALERT_INTAKE_OPTIONS');

/**
 * Alert intake's actor on incidents: its notes, reopenings and resolutions are the service desk's
 * automation, so it acts with the desk's role (the operation service's own system actor performs only the
 * scheduler's commands, never resolutions); its id names it on the timeline and as the caller of the
 * incidents it creates.
 */
export const ALERT_INTAKE_ACTOR: Principal = Object.freeze<Principal>({ userId: 'system:alert-intake', roles: ['service_desk_agent'], groups: [] });
