import { ChangeItemGraph } from '@itsm/transition/changes';

/**
 * What change enablement knows of the CMDB while the CMDB library (libs/transition/cmdb) is not part of
 * this app: no item has relatives, a criticality or a service. Conflicts are then found on the same item,
 * maintenance windows and freezes, not on parents and children; risk comes from the questionnaire alone.
 * When the CMDB is merged, `TransitionModule` binds `ChangesModule`'s item graph to the CMDB's lookup
 * instead and this file goes.
 */
export const ITEM_GRAPH_WITHOUT_CMDB: ChangeItemGraph = {
  relativesOf: async () => ({}),
  criticalitiesOf: async () => [],
  serviceItemsOf: async () => [],
  servicesOf: async () => ({}),
};
