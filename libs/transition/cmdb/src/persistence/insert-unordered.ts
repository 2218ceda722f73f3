import { mongo } from 'mongoose';

/**
 * Inserts `documents` with one unordered insertMany and returns the error of each document not stored,
 * by index. An error that does not account for the documents one by one is thrown.
 */
export async function insertUnordered(collection: mongo.Collection, documents: readonly mongo.Document[]): Promise<Map<number, unknown>> {
  if (documents.length === 0) return new Map();
  try {
    await collection.insertMany([...documents], { ordered: false });
    return new Map();
  } catch (error) {
    if (!(error instanceof mongo.MongoBulkWriteError)) throw error;
    const writeErrors = [error.writeErrors].flat();
    if (error.insertedCount + writeErrors.length !== documents.length) throw error;
    return new Map(writeErrors.map((writeError) => [writeError.index, writeError as unknown]));
  }
}
