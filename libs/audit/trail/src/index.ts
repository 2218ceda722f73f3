export * from './audit-trail.module';
export * from './record-audit-trail/record-audit-trail.listener';
