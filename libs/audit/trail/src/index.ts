export * from './audit-trail.module';
export * from './record-audit-trail.listener';
