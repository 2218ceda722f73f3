/** Something a service needs before it can take traffic (its database, its broker). */
export interface ReadinessCheck {
  name: string;
  isReady(): boolean | Promise<boolean>;
}

export const READINESS_CHECKS = Symbol('READINESS_CHECKS');
