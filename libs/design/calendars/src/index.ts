export * from './calendars.module';
export * from './persistence/calendar.repository';
export * from './define-calendar/define-calendar.use-case';
