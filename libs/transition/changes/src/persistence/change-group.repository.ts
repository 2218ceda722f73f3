import { isDuplicateKeyError } from '@itsm/persistence';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { ChangeGroupRecord } from './change-group.schema';

/** Transition's copy of the assignment groups' managers. */
@Injectable()
export class ChangeGroupRepository {
  constructor(@InjectModel(ChangeGroupRecord.name) private readonly groups: Model<ChangeGroupRecord>) {}

  /**
   * Keeps `version` of a group unless a newer one is kept already (events may arrive out of order or
   * twice): an upsert conditional on an older version, whose duplicate key means the kept one is newer.
   */
  async keep(groupId: string, version: number, managerId: string | undefined, active: boolean): Promise<void> {
    try {
      await this.groups.collection.updateOne(
        { _id: groupId as never, version: { $lt: version } },
        { $set: { version, active, ...(managerId === undefined ? {} : { managerId }) }, ...(managerId === undefined ? { $unset: { managerId: '' } } : {}) },
        { upsert: true },
      );
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
  }

  /** The manager of an active group; undefined for an unknown, inactive or unmanaged one. */
  async managerOf(groupId: string): Promise<string | undefined> {
    const group = await this.groups.collection.findOne<ChangeGroupRecord>({ _id: groupId as never });
    return group?.active ? group.managerId : undefined;
  }
}
