import { BY_NAME, OutboxRelays, VersionedDocumentStore, VersionedRecord, VersionedState, Written, isDuplicateKeyError } from '@itsm/persistence';
import { CloudEvent, StateConflictError } from '@itsm/contracts';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { AssignmentGroupRecord } from './assignment-group.schema';

/**
 * An assignment group as the `assignment_groups` collection stores it, apart from the request and
 * event shapes (AssignmentGroupFieldsV1, AssignmentGroupV1). User ids are token subjects.
 */
export interface AssignmentGroupFields {
  name: string;
  description?: string;
  memberIds: string[];
  managerId?: string;
  /** Another assignment group's id. */
  escalationGroupId?: string;
  active: boolean;
}

export type StoredAssignmentGroup = VersionedRecord<AssignmentGroupFields>;

type Emit = (state: VersionedState<AssignmentGroupFields>) => CloudEvent[];

/**
 * Versioned assignment groups. Names are unique by index, so of two writes giving one name at once
 * (in any number of replicas) exactly one succeeds; the other is a 409 naming the name.
 */
@Injectable()
export class AssignmentGroupRepository extends VersionedDocumentStore<AssignmentGroupFields> {
  constructor(@InjectModel(AssignmentGroupRecord.name) groups: Model<AssignmentGroupRecord>, relays: OutboxRelays) {
    super(groups.collection, relays);
  }

  override async define(id: string, fields: AssignmentGroupFields, emit: Emit): Promise<Written<AssignmentGroupFields>> {
    return nameTaken(() => fields.name, () => super.define(id, fields, emit));
  }

  /** Every revision (reviseFrom too) comes here, so a rename onto a taken name is a 409 whichever way it is written. */
  override async revise(id: string, next: (current: StoredAssignmentGroup) => AssignmentGroupFields | Promise<AssignmentGroupFields>, emit: Emit): Promise<Written<AssignmentGroupFields>> {
    let name = '';
    const named = async (current: StoredAssignmentGroup) => {
      const fields = await next(current);
      name = fields.name;
      return fields;
    };
    return nameTaken(() => name, () => super.revise(id, named, emit));
  }

  /** The active group named `name` (names are unique), or null: a catalogue item names its fulfilment and approval groups by name. */
  async activeNamed(name: string): Promise<StoredAssignmentGroup | null> {
    return (await this.query({ name, active: true }, BY_NAME))[0] ?? null;
  }
}

/** The write, or 409 when the unique name index refused it. */
async function nameTaken<T>(name: () => string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isDuplicateKeyError(error)) throw new StateConflictError(`another assignment group is named ${JSON.stringify(name())}; names are unique`);
    throw error;
  }
}
