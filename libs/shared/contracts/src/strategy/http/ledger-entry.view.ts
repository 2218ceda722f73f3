import { IsNotEmpty, IsOptional, IsString } from 'class-validator';
import { RecordIdProperty, TimestampProperty } from '../../http/view-properties';

/** What the ledger adds to an entry's fields when it records it (cost and consumption entries never change, so they have no version). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a mixin's base must be typed `new (...args: any[])` (TypeScript's rule)
export function LedgerEntryView<TFields extends abstract new (...args: any[]) => object>(Fields: TFields) {
  abstract class RecordedLedgerEntryView extends Fields {
    @RecordIdProperty()
    id!: string;

    /** The user who recorded it. */
    @IsOptional()
    @IsString()
    @IsNotEmpty()
    recordedBy?: string;

    @TimestampProperty()
    recordedAt!: string;
  }
  return RecordedLedgerEntryView;
}
