export * from './service-request';
export * from './request-form';
export * from './request-lifecycle';
export * from './request-slas';
