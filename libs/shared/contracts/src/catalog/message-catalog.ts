import { CALENDAR_CHANGED_V1 } from '../design/messages/calendar-changed.v1/calendar-changed.v1';
import { CATALOGUE_ITEM_DEFINED_V1 } from '../design/messages/catalogue-item-defined.v1/catalogue-item-defined.v1';
import { REPLAY_SERVICE_LEVELS_V1 } from '../design/messages/replay-service-levels.v1/replay-service-levels.v1';
import { SERVICE_DRAFTED_V1 } from '../design/messages/service-drafted.v1/service-drafted.v1';
import { SERVICE_PUBLISHED_V1 } from '../design/messages/service-published.v1/service-published.v1';
import { SERVICE_REVISED_V1 } from '../design/messages/service-revised.v1/service-revised.v1';
import { SERVICE_WITHDRAWN_V1 } from '../design/messages/service-withdrawn.v1/service-withdrawn.v1';
import { SLA_DEFINED_V1 } from '../design/messages/sla-defined.v1/sla-defined.v1';
import { MessageDefinition } from '../messages/message-definition';
import { ASSIGNMENT_GROUP_DEFINED_V1 } from '../operation/messages/assignment-group-defined.v1/assignment-group-defined.v1';
import { ASSIGNMENT_GROUP_REVISED_V1 } from '../operation/messages/assignment-group-revised.v1/assignment-group-revised.v1';
import { ROUTING_RULE_DEFINED_V1 } from '../operation/messages/routing-rule-defined.v1/routing-rule-defined.v1';
import { ROUTING_RULE_REVISED_V1 } from '../operation/messages/routing-rule-revised.v1/routing-rule-revised.v1';
import { INCIDENT_CREATED_V1 } from '../operation/messages/incident-created.v1/incident-created.v1';
import { INCIDENT_ASSIGNED_V1 } from '../operation/messages/incident-assigned.v1/incident-assigned.v1';
import { INCIDENT_STATE_CHANGED_V1 } from '../operation/messages/incident-state-changed.v1/incident-state-changed.v1';
import { INCIDENT_PRIORITY_CHANGED_V1 } from '../operation/messages/incident-priority-changed.v1/incident-priority-changed.v1';
import { INCIDENT_COMMENTED_V1 } from '../operation/messages/incident-commented.v1/incident-commented.v1';
import { INCIDENT_RESPONDED_V1 } from '../operation/messages/incident-responded.v1/incident-responded.v1';
import { INCIDENT_RESOLVED_V1 } from '../operation/messages/incident-resolved.v1/incident-resolved.v1';
import { INCIDENT_CLOSED_V1 } from '../operation/messages/incident-closed.v1/incident-closed.v1';
import { INCIDENT_REOPENED_V1 } from '../operation/messages/incident-reopened.v1/incident-reopened.v1';
import { INCIDENT_CANCELLED_V1 } from '../operation/messages/incident-cancelled.v1/incident-cancelled.v1';
import { INCIDENT_PARENT_LINKED_V1 } from '../operation/messages/incident-parent-linked.v1/incident-parent-linked.v1';
import { INCIDENT_PARENT_UNLINKED_V1 } from '../operation/messages/incident-parent-unlinked.v1/incident-parent-unlinked.v1';
import { INCIDENT_CHILD_LINKED_V1 } from '../operation/messages/incident-child-linked.v1/incident-child-linked.v1';
import { INCIDENT_CHILD_UNLINKED_V1 } from '../operation/messages/incident-child-unlinked.v1/incident-child-unlinked.v1';
import { MAJOR_INCIDENT_PROPOSED_V1 } from '../operation/messages/major-incident-proposed.v1/major-incident-proposed.v1';
import { MAJOR_INCIDENT_DECIDED_V1 } from '../operation/messages/major-incident-decided.v1/major-incident-decided.v1';
import { MAJOR_INCIDENT_UPDATE_POSTED_V1 } from '../operation/messages/major-incident-update-posted.v1/major-incident-update-posted.v1';
import { MAJOR_INCIDENT_REVIEW_OPENED_V1 } from '../operation/messages/major-incident-review-opened.v1/major-incident-review-opened.v1';
import { MAJOR_INCIDENT_REVIEW_REVISED_V1 } from '../operation/messages/major-incident-review-revised.v1/major-incident-review-revised.v1';
import { INCIDENT_REJECTED_V1 } from '../operation/messages/incident-rejected.v1/incident-rejected.v1';
import { SLA_STARTED_V1 } from '../operation/messages/sla-started.v1/sla-started.v1';
import { SLA_PAUSED_V1 } from '../operation/messages/sla-paused.v1/sla-paused.v1';
import { SLA_RESUMED_V1 } from '../operation/messages/sla-resumed.v1/sla-resumed.v1';
import { SLA_WARNING_V1 } from '../operation/messages/sla-warning.v1/sla-warning.v1';
import { SLA_BREACHED_V1 } from '../operation/messages/sla-breached.v1/sla-breached.v1';
import { SLA_COMPLETED_V1 } from '../operation/messages/sla-completed.v1/sla-completed.v1';
import { SLA_CANCELLED_V1 } from '../operation/messages/sla-cancelled.v1/sla-cancelled.v1';
import { REQUEST_SUBMITTED_V1 } from '../operation/messages/request-submitted.v1/request-submitted.v1';
import { REQUEST_APPROVAL_DECIDED_V1 } from '../operation/messages/request-approval-decided.v1/request-approval-decided.v1';
import { REQUEST_STATE_CHANGED_V1 } from '../operation/messages/request-state-changed.v1/request-state-changed.v1';
import { REQUEST_TASK_OPENED_V1 } from '../operation/messages/request-task-opened.v1/request-task-opened.v1';
import { REQUEST_TASK_CHANGED_V1 } from '../operation/messages/request-task-changed.v1/request-task-changed.v1';
import { REQUEST_COMMENTED_V1 } from '../operation/messages/request-commented.v1/request-commented.v1';
import { REPORTING_LINE_DEFINED_V1 } from '../operation/messages/reporting-line-defined.v1/reporting-line-defined.v1';
import { REGISTER_INCIDENT_V1 } from '../operation/messages/register-incident.v1/register-incident.v1';
import { DEMAND_ASSESSED_V1 } from '../strategy/messages/demand-assessed.v1/demand-assessed.v1';
import { DEMAND_DECIDED_V1 } from '../strategy/messages/demand-decided.v1/demand-decided.v1';
import { DEMAND_RECORDED_V1 } from '../strategy/messages/demand-recorded.v1/demand-recorded.v1';
import { BUDGET_SET_V1 } from '../strategy/messages/budget-set.v1/budget-set.v1';
import { CONSUMPTION_RECORDED_V1 } from '../strategy/messages/consumption-recorded.v1/consumption-recorded.v1';
import { COST_MODEL_DEFINED_V1 } from '../strategy/messages/cost-model-defined.v1/cost-model-defined.v1';
import { COST_RECORDED_V1 } from '../strategy/messages/cost-recorded.v1/cost-recorded.v1';
import { SERVICE_CHARTERED_V1 } from '../strategy/messages/service-chartered.v1/service-chartered.v1';
import { SERVICE_PROPOSED_V1 } from '../strategy/messages/service-proposed.v1/service-proposed.v1';
import { SERVICE_RETIRED_V1 } from '../strategy/messages/service-retired.v1/service-retired.v1';
import { INCIDENT_PROBLEM_LINKED_V1 } from '../operation/messages/incident-problem-linked.v1/incident-problem-linked.v1';
import { INCIDENT_PROBLEM_UNLINKED_V1 } from '../operation/messages/incident-problem-unlinked.v1/incident-problem-unlinked.v1';
import { INCIDENT_CHANGE_LINKED_V1 } from '../operation/messages/incident-change-linked.v1/incident-change-linked.v1';
import { INCIDENT_CHANGE_UNLINKED_V1 } from '../operation/messages/incident-change-unlinked.v1/incident-change-unlinked.v1';
import { PROBLEM_CREATED_V1 } from '../operation/messages/problem-created.v1/problem-created.v1';
import { PROBLEM_STATE_CHANGED_V1 } from '../operation/messages/problem-state-changed.v1/problem-state-changed.v1';
import { PROBLEM_ROOT_CAUSE_RECORDED_V1 } from '../operation/messages/problem-root-cause-recorded.v1/problem-root-cause-recorded.v1';
import { PROBLEM_RESOLVED_V1 } from '../operation/messages/problem-resolved.v1/problem-resolved.v1';
import { PROBLEM_INCIDENT_LINKED_V1 } from '../operation/messages/problem-incident-linked.v1/problem-incident-linked.v1';
import { PROBLEM_INCIDENT_UNLINKED_V1 } from '../operation/messages/problem-incident-unlinked.v1/problem-incident-unlinked.v1';
import { PROBLEM_REVISED_V1 } from '../operation/messages/problem-revised.v1/problem-revised.v1';
import { KNOWN_ERROR_DEFINED_V1 } from '../operation/messages/known-error-defined.v1/known-error-defined.v1';
import { KNOWN_ERROR_REVISED_V1 } from '../operation/messages/known-error-revised.v1/known-error-revised.v1';
import { KNOWN_ERROR_WORKAROUND_PUBLISHED_V1 } from '../operation/messages/known-error-workaround-published.v1/known-error-workaround-published.v1';
import { CI_CLASS_DEFINED_V1 } from '../transition/messages/ci-class-defined.v1/ci-class-defined.v1';
import { CONFIGURATION_ITEM_REGISTERED_V1 } from '../transition/messages/configuration-item-registered.v1/configuration-item-registered.v1';
import { CONFIGURATION_ITEM_REVISED_V1 } from '../transition/messages/configuration-item-revised.v1/configuration-item-revised.v1';
import { REPLAY_CONFIGURATION_ITEMS_V1 } from '../transition/messages/replay-configuration-items.v1/replay-configuration-items.v1';
import { RELATIONSHIP_ADDED_V1 } from '../transition/messages/relationship-added.v1/relationship-added.v1';
import { CHANGE_MESSAGES } from '../transition/messages/change-messages';
import { ALERT_CORRELATED_V1 } from '../operation/messages/alert-correlated.v1/alert-correlated.v1';
import { ALERT_RESOLVED_V1 } from '../operation/messages/alert-resolved.v1/alert-resolved.v1';
import { ALERT_RULE_DEFINED_V1 } from '../operation/messages/alert-rule-defined.v1/alert-rule-defined.v1';
import { ALERT_RULE_REVISED_V1 } from '../operation/messages/alert-rule-revised.v1/alert-rule-revised.v1';
import { ALERT_SOURCE_REGISTERED_V1 } from '../operation/messages/alert-source-registered.v1/alert-source-registered.v1';
import { ALERT_SOURCE_REVOKED_V1 } from '../operation/messages/alert-source-revoked.v1/alert-source-revoked.v1';
import { RECEIVE_ALERTS_V1 } from '../operation/messages/receive-alerts.v1/receive-alerts.v1';

/** Every message type the platform sends. docs/EVENTS.md documents the same list for outside subscribers. */
export const MESSAGE_CATALOG: readonly MessageDefinition[] = [
  REGISTER_INCIDENT_V1,
  INCIDENT_CREATED_V1,
  INCIDENT_REJECTED_V1,
  ASSIGNMENT_GROUP_DEFINED_V1,
  ASSIGNMENT_GROUP_REVISED_V1,
  ROUTING_RULE_DEFINED_V1,
  ROUTING_RULE_REVISED_V1,
  INCIDENT_ASSIGNED_V1,
  INCIDENT_STATE_CHANGED_V1,
  INCIDENT_PRIORITY_CHANGED_V1,
  INCIDENT_COMMENTED_V1,
  INCIDENT_RESPONDED_V1,
  INCIDENT_RESOLVED_V1,
  INCIDENT_CLOSED_V1,
  INCIDENT_REOPENED_V1,
  INCIDENT_CANCELLED_V1,
  INCIDENT_PARENT_LINKED_V1,
  INCIDENT_PARENT_UNLINKED_V1,
  INCIDENT_CHILD_LINKED_V1,
  INCIDENT_CHILD_UNLINKED_V1,
  MAJOR_INCIDENT_PROPOSED_V1,
  MAJOR_INCIDENT_DECIDED_V1,
  MAJOR_INCIDENT_UPDATE_POSTED_V1,
  MAJOR_INCIDENT_REVIEW_OPENED_V1,
  MAJOR_INCIDENT_REVIEW_REVISED_V1,
  SLA_STARTED_V1,
  SLA_PAUSED_V1,
  SLA_RESUMED_V1,
  SLA_WARNING_V1,
  SLA_BREACHED_V1,
  SLA_COMPLETED_V1,
  SLA_CANCELLED_V1,
  CALENDAR_CHANGED_V1,
  SLA_DEFINED_V1,
  REPLAY_SERVICE_LEVELS_V1,
  SERVICE_DRAFTED_V1,
  SERVICE_REVISED_V1,
  SERVICE_PUBLISHED_V1,
  SERVICE_WITHDRAWN_V1,
  CATALOGUE_ITEM_DEFINED_V1,
  SERVICE_PROPOSED_V1,
  SERVICE_CHARTERED_V1,
  SERVICE_RETIRED_V1,
  DEMAND_RECORDED_V1,
  DEMAND_ASSESSED_V1,
  DEMAND_DECIDED_V1,
  COST_MODEL_DEFINED_V1,
  BUDGET_SET_V1,
  COST_RECORDED_V1,
  CONSUMPTION_RECORDED_V1,
  INCIDENT_PROBLEM_LINKED_V1,
  INCIDENT_PROBLEM_UNLINKED_V1,
  INCIDENT_CHANGE_LINKED_V1,
  INCIDENT_CHANGE_UNLINKED_V1,
  PROBLEM_CREATED_V1,
  PROBLEM_STATE_CHANGED_V1,
  PROBLEM_ROOT_CAUSE_RECORDED_V1,
  PROBLEM_RESOLVED_V1,
  PROBLEM_INCIDENT_LINKED_V1,
  PROBLEM_INCIDENT_UNLINKED_V1,
  PROBLEM_REVISED_V1,
  KNOWN_ERROR_DEFINED_V1,
  KNOWN_ERROR_REVISED_V1,
  KNOWN_ERROR_WORKAROUND_PUBLISHED_V1,
  CI_CLASS_DEFINED_V1,
  CONFIGURATION_ITEM_REGISTERED_V1,
  CONFIGURATION_ITEM_REVISED_V1,
  REPLAY_CONFIGURATION_ITEMS_V1,
  RELATIONSHIP_ADDED_V1,
  ...CHANGE_MESSAGES,
  REQUEST_SUBMITTED_V1,
  REQUEST_APPROVAL_DECIDED_V1,
  REQUEST_STATE_CHANGED_V1,
  REQUEST_TASK_OPENED_V1,
  REQUEST_TASK_CHANGED_V1,
  REQUEST_COMMENTED_V1,
  REPORTING_LINE_DEFINED_V1,
  RECEIVE_ALERTS_V1,
  ALERT_CORRELATED_V1,
  ALERT_RESOLVED_V1,
  ALERT_RULE_DEFINED_V1,
  ALERT_RULE_REVISED_V1,
  ALERT_SOURCE_REGISTERED_V1,
  ALERT_SOURCE_REVOKED_V1,
];

const byType = new Map(MESSAGE_CATALOG.map((definition) => [definition.type, definition]));

export function findMessageDefinition(type: string): MessageDefinition | undefined {
  return byType.get(type);
}
