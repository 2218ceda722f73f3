import { RuleViolationError } from '@itsm/contracts';
import { KnownConfigurationItem, configurationItemReferenceProblem, resolveConfigurationItemReferences } from '@itsm/operation/incident-domain';
import { Injectable } from '@nestjs/common';
import { ConfigurationItemCopyRepository } from '../persistence/configuration-item-copy.repository';

/** What one reference names: the item's id (its canonical form), or why it may not be named, in the caller's terms. */
export type ConfigurationItemResolution = { readonly itemId: string; readonly problem?: undefined } | { readonly itemId?: undefined; readonly problem: string };

/**
 * The one check and the one resolver of every field of operation that names a configuration item: incidents'
 * `configurationItemId` (at intake: RegisterIncident), routing rules' `configurationItemId`, problems' and known
 * errors' `configurationItemIds`, alerts' `configurationItemId` (which names an unknown item in the incident's
 * description rather than losing the alert), and every query filter on an item. A reference names an item of
 * operation's copy of the CMDB (ConfigurationItemCopyRepository) by its id or its external id, which is not
 * retired (`configurationItemReferenceProblem` of `@itsm/operation/incident-domain`); what is stored, filtered on
 * and compared is always the item's id (its canonical form), whichever spelling the caller used, so two
 * spellings of one item are one item everywhere. One or two indexed reads per reference, no cache: an item
 * registered or retired a moment ago counts as soon as its event is stored.
 */
@Injectable()
export class ConfigurationItemReferences {
  constructor(private readonly items: ConfigurationItemCopyRepository) {}

  /** The id of the item `reference` names, or why it may not be named (unknown to the copy, or retired). */
  async resolve(reference: string): Promise<ConfigurationItemResolution> {
    const item = await this.find(reference);
    const problem = configurationItemReferenceProblem(reference, item);
    return problem === undefined && item !== undefined ? { itemId: item.itemId } : { problem: problem ?? '' };
  }

  /**
   * The references of a write, each as the id of the item it names (each item once, in the order given), or
   * RuleViolationError (400) naming `field`, one message per reference that may not be named. `references`
   * undefined: undefined. `kept`: what the record stores before this write (a revision), which it may keep though
   * the item was retired since (by either spelling; see resolveConfigurationItemReferences): a revision of the
   * title must not fail on an item retired after the record named it; each reference it adds is checked.
   */
  async canonicalIds(field: string, references: readonly string[] | undefined, kept: readonly string[] | undefined = []): Promise<string[] | undefined> {
    if (references === undefined) return undefined;
    const known = new Map<string, KnownConfigurationItem>();
    for (const reference of new Set(references)) {
      const item = await this.find(reference);
      if (item) known.set(reference, item);
    }
    const resolved = resolveConfigurationItemReferences(field, references, known, new Set(kept));
    if (resolved.issues.length > 0) throw new RuleViolationError(resolved.issues);
    return resolved.itemIds;
  }

  /** canonicalIds for a field naming one item (`configurationItemId`): its id, undefined when absent, or 400 naming `field`. */
  async canonicalId(field: string, reference: string | undefined, kept?: string): Promise<string | undefined> {
    if (reference === undefined) return undefined;
    return (await this.canonicalIds(field, [reference], kept === undefined ? [] : [kept]))?.[0];
  }

  /**
   * A query filter on an item (`?configurationItemId=`) in the stored form: the id of the item it names by its
   * id or its external id (retired or not: old records still name it), else as given (an item the copy does not
   * know, whose records, if any, were stored before references were checked). Undefined stays undefined.
   */
  async filterId(reference: string | undefined): Promise<string | undefined> {
    if (reference === undefined) return undefined;
    return (await this.find(reference))?.itemId ?? reference;
  }

  private async find(reference: string): Promise<KnownConfigurationItem | undefined> {
    const copy = await this.items.findByReference(reference);
    return copy && { itemId: copy._id, name: copy.name, lifecycleState: copy.lifecycleState };
  }
}
