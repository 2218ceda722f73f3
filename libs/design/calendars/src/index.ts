export * from './calendars.module';
export * from './calendar.repository';
export * from './define-calendar.use-case';
