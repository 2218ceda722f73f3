export * from './calendars.module';
export * from './persistence/calendar.repository';
export * from './define-calendar/define-calendar.use-case';
export * from './define-calendar/calendar-changed.mapper';
