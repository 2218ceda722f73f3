export * from './calendars.controller';
export * from './calendars.module';
