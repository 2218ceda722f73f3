import { formatIncidentNumber } from '@itsm/operation/incident-domain';
import { isDuplicateKeyError } from '@itsm/persistence';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { NumberBlockRecord } from './number-block.schema';

/** Numbers per claimed block; an instance that stops leaves at most this many unused (gaps are allowed). */
export const NUMBER_BLOCK_SIZE = 50;

/**
 * Hands out incident numbers from blocks that each intake instance claims for
 * itself, so competing instances never share a number and rarely touch the
 * database for one.
 */
@Injectable()
export class IncidentNumberAllocator {
  private next = 0;
  private end = 0;
  private claiming: Promise<void> | undefined;

  constructor(@InjectModel(NumberBlockRecord.name) private readonly blocks: Model<NumberBlockRecord>) {}

  async allocate(): Promise<string> {
    while (this.next >= this.end) {
      this.claiming ??= this.claimBlock().finally(() => (this.claiming = undefined));
      await this.claiming;
    }
    return formatIncidentNumber(this.next++);
  }

  private async claimBlock(): Promise<void> {
    const last = await this.blocks.findOne().sort({ _id: -1 }).lean<NumberBlockRecord>().exec();
    for (let block = (last?._id ?? -1) + 1; ; block++) {
      try {
        await this.blocks.create({ _id: block, claimedAt: new Date() });
      } catch (error) {
        if (isDuplicateKeyError(error)) continue; // another instance took it first
        throw error;
      }
      this.next = block * NUMBER_BLOCK_SIZE + 1;
      this.end = this.next + NUMBER_BLOCK_SIZE;
      return;
    }
  }
}
