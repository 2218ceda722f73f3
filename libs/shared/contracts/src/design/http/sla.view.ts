import { SlaDefinitionFieldsV1 } from '../messages/sla-definition-fields.v1';

export type SlaView = SlaDefinitionFieldsV1 & { id: string; version: number; calendarVersion?: number; createdAt: string; updatedAt: string };
