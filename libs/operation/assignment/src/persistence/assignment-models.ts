import { ModelDefinition } from '@nestjs/mongoose';
import { AssignmentGroupRecord, AssignmentGroupSchema } from './assignment-group.schema';
import { RoutingRuleRecord, RoutingRuleSchema } from './routing-rule.schema';

/** The models of the assignment groups and routing rules collections, for MongooseModule.forFeature. */
export const ASSIGNMENT_MODELS: ModelDefinition[] = [
  { name: AssignmentGroupRecord.name, schema: AssignmentGroupSchema },
  { name: RoutingRuleRecord.name, schema: RoutingRuleSchema },
];
