import { formatRequestNumber } from '@itsm/operation/request-domain';
import { BlockNumberAllocator } from '@itsm/persistence';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { RequestNumberBlockRecord } from './request-number-block.schema';

/** Request numbers (REQ0000007) from blocks claimed in `request_number_blocks` (BlockNumberAllocator). */
@Injectable()
export class RequestNumberAllocator extends BlockNumberAllocator {
  constructor(@InjectModel(RequestNumberBlockRecord.name) blocks: Model<RequestNumberBlockRecord>) {
    super(blocks.collection, formatRequestNumber);
  }
}
