/**
 * One page of a list, as every list of the API answers: at most `limit` items in the list's order, and
 * `nextCursor` to pass back as `cursor` for the next page (null on the last page).
 */
export interface Page<TItem> {
  items: TItem[];
  nextCursor: string | null;
}

/** The same page with each item as `view` shows it. */
export function toPage<TRecord, TView>(page: Page<TRecord>, view: (record: TRecord) => TView): Page<TView> {
  return { items: page.items.map(view), nextCursor: page.nextCursor };
}
