import { formatProblemNumber } from '@itsm/operation/problem-domain';
import { BlockNumberAllocator } from '@itsm/persistence';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { ProblemNumberBlockRecord } from './problem-number-block.schema';

/** Problem numbers (PRB0000042) from blocks claimed in `problem_number_blocks` (BlockNumberAllocator). */
@Injectable()
export class ProblemNumberAllocator extends BlockNumberAllocator {
  constructor(@InjectModel(ProblemNumberBlockRecord.name) blocks: Model<ProblemNumberBlockRecord>) {
    super(blocks.collection, formatProblemNumber);
  }
}
