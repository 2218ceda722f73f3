import { RuleViolationError } from '@itsm/contracts';
import { KnownConfigurationItem, configurationItemIssues, configurationItemReferenceProblem } from '@itsm/operation/incident-domain';
import { Injectable } from '@nestjs/common';
import { ConfigurationItemCopyRepository } from '../persistence/configuration-item-copy.repository';

/**
 * The one check of every field of operation that names a configuration item: incidents' `configurationItemId`
 * (at intake: RegisterIncident), routing rules' `configurationItemId`, problems' and known errors'
 * `configurationItemIds`, and alerts' `configurationItemId` (which names an unknown item in the incident's
 * description rather than losing the alert). A reference names an item of operation's copy of the CMDB
 * (ConfigurationItemCopyRepository) by its id or its external id, which is not retired
 * (`configurationItemReferenceProblem` of `@itsm/operation/incident-domain`). One indexed read per reference,
 * no cache: an item registered or retired a moment ago counts as soon as its event is stored.
 */
@Injectable()
export class ConfigurationItemReferences {
  constructor(private readonly items: ConfigurationItemCopyRepository) {}

  /** Why `reference` may not be named, in the caller's terms, or undefined when it may. */
  async problemOf(reference: string): Promise<string | undefined> {
    return configurationItemReferenceProblem(reference, await this.find(reference));
  }

  /**
   * Refuses a write naming an item it may not: RuleViolationError (400) naming `field`, one message per
   * such reference. `references` absent or empty: nothing to check. `kept`: what the record named before
   * this write (a revision), which it may keep though the item was retired since: a revision of the title
   * must not fail on an item retired after the record named it; each reference it adds is checked.
   */
  async check(field: string, references: string | readonly string[] | undefined, kept: string | readonly string[] | undefined = []): Promise<void> {
    const before = new Set(kept === undefined ? [] : typeof kept === 'string' ? [kept] : kept);
    const list = (references === undefined ? [] : typeof references === 'string' ? [references] : [...new Set(references)]).filter((reference) => !before.has(reference));
    const known = new Map<string, KnownConfigurationItem>();
    for (const reference of list) {
      const item = await this.find(reference);
      if (item) known.set(reference, item);
    }
    const issues = configurationItemIssues(field, list, known);
    if (issues.length > 0) throw new RuleViolationError(issues);
  }

  private async find(reference: string): Promise<KnownConfigurationItem | undefined> {
    const copy = await this.items.findByReference(reference);
    return copy && { itemId: copy._id, name: copy.name, lifecycleState: copy.lifecycleState };
  }
}
