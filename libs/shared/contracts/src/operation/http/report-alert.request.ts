import { AlertFieldsV1 } from '../messages/alert-fields.v1';

/** Body of POST /api/v1/alerts: one alert in the platform's generic format (see AlertFieldsV1). */
export class ReportAlertRequest extends AlertFieldsV1 {}
