import { ValidationIssue } from '@itsm/contracts';

/**
 * The issues of a change's (or a template's) configuration items (`itemIds`): each item it adds must be in the
 * CMDB and not retired; one message per item that is not, none when all are. `states` holds the lifecycle
 * state of each item the CMDB has, by id (unknown ones absent). `kept`: the items the record named before this
 * write, which a replan or revision may keep though retired since (a change planned on an item that was then
 * retired can still be replanned in time, cancelled or closed).
 */
export function changeItemIssues(field: string, itemIds: readonly string[], states: Readonly<Record<string, string>>, kept: readonly string[] = []): ValidationIssue[] {
  const before = new Set(kept);
  const messages = [...new Set(itemIds)]
    .filter((itemId) => !before.has(itemId))
    .flatMap((itemId) => {
      const state = states[itemId];
      if (state === undefined) return [`no configuration item of the CMDB has the id ${itemId}`];
      return state === 'retired' ? [`the configuration item ${itemId} is retired`] : [];
    });
  return messages.length === 0 ? [] : [{ field, messages }];
}
