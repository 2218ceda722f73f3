import { ConfigurationItemCatalogModule } from '@itsm/operation/configuration-items';
import { Module } from '@nestjs/common';
import { AssignmentPersistenceModule } from './assignment-persistence.module';
import { AssignmentGroupQueryController } from './assignment-group-query/assignment-group-query.controller';
import { DefineAssignmentGroupController } from './define-assignment-group/define-assignment-group.controller';
import { DefineAssignmentGroup } from './define-assignment-group/define-assignment-group.use-case';
import { DefineRoutingRuleController } from './define-routing-rule/define-routing-rule.controller';
import { DefineRoutingRule } from './define-routing-rule/define-routing-rule.use-case';
import { RoutingRuleQueryController } from './routing-rule-query/routing-rule-query.controller';

/**
 * Assignment groups and routing rules, managed over HTTP by the gateway (operation's query role).
 * Needs PersistenceModule, MessagingModule and OutboxModule (every change writes its event to the outbox).
 */
@Module({
  imports: [AssignmentPersistenceModule, ConfigurationItemCatalogModule],
  controllers: [DefineAssignmentGroupController, AssignmentGroupQueryController, DefineRoutingRuleController, RoutingRuleQueryController],
  providers: [DefineAssignmentGroup, DefineRoutingRule],
})
export class AssignmentModule {}
