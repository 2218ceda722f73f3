export * from './assignment.module';
export * from './incident-routing.module';
export * from './define-assignment-group/define-assignment-group.use-case';
export * from './define-routing-rule/define-routing-rule.use-case';
export * from './persistence/assignment-group.repository';
export * from './persistence/routing-rule.repository';
export * from './route-incident/route-incident.use-case';
export * from './assignment-persistence.module';
