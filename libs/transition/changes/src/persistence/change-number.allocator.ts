import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { ChangeNumberRecord } from './change-number.schema';

/** Digits of a change number after its prefix (CHG0000001). */
const NUMBER_DIGITS = 7;

/**
 * Change numbers, CHG0000001 upwards, one atomic `$inc` per change: changes are raised at a human pace,
 * so one counter document serves every instance (incidents, raised by the thousand, claim blocks instead).
 */
@Injectable()
export class ChangeNumberAllocator {
  constructor(@InjectModel(ChangeNumberRecord.name) private readonly numbers: Model<ChangeNumberRecord>) {}

  async allocate(): Promise<string> {
    const counter = await this.numbers.collection.findOneAndUpdate({ _id: 'change' as never }, { $inc: { last: 1 } }, { upsert: true, returnDocument: 'after' });
    return `CHG${String((counter as unknown as { last: number }).last).padStart(NUMBER_DIGITS, '0')}`;
  }
}
