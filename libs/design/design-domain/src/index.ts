export * from './catalogue-item-rules';
export * from './catalogue-service-rules';
export * from './sla-rules';
export * from './catalogue-access-rules';
