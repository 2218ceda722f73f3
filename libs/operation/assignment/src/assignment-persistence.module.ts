import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { ASSIGNMENT_MODELS } from './persistence/assignment-models';
import { AssignmentGroupRepository } from './persistence/assignment-group.repository';
import { RoutingRuleRepository } from './persistence/routing-rule.repository';

/** The assignment groups and routing rules collections, for their writer. Needs PersistenceModule and OutboxModule. */
@Module({
  imports: [MongooseModule.forFeature(ASSIGNMENT_MODELS)],
  providers: [AssignmentGroupRepository, RoutingRuleRepository],
  exports: [AssignmentGroupRepository, RoutingRuleRepository],
})
export class AssignmentPersistenceModule {}
