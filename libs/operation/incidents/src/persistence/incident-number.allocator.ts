import { formatIncidentNumber } from '@itsm/operation/incident-domain';
import { NumberBlockAllocator } from '@itsm/persistence';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { NumberBlockRecord } from './number-block.schema';

/** Incident numbers (INC0000042) from blocks claimed in `incident_number_blocks` (NumberBlockAllocator). */
@Injectable()
export class IncidentNumberAllocator extends NumberBlockAllocator {
  constructor(@InjectModel(NumberBlockRecord.name) blocks: Model<NumberBlockRecord>) {
    super(blocks.collection, formatIncidentNumber);
  }
}
