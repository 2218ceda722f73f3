import { DynamicModule, Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';

export interface PersistenceOptions {
  uri: string;
  /** Each service owns its database; no service reads another's. */
  dbName: string;
  /** Connections per process. Small pools keep many replicas within the server's connection budget. */
  maxPoolSize?: number;
}

/** The service's MongoDB connection. Features register their own collections with MongooseModule.forFeature. */
@Module({})
export class PersistenceModule {
  static forRoot(options: PersistenceOptions): DynamicModule {
    return {
      module: PersistenceModule,
      imports: [
        MongooseModule.forRoot(options.uri, {
          dbName: options.dbName,
          serverSelectionTimeoutMS: 10_000,
          maxPoolSize: options.maxPoolSize ?? 10,
          // Absent optional fields stay absent instead of being stored as null.
          ignoreUndefined: true,
          // Indexes are part of the contract (unique keys back idempotency), so build them at start-up.
          autoIndex: true,
          autoCreate: true,
        }),
      ],
      exports: [MongooseModule],
    };
  }
}
