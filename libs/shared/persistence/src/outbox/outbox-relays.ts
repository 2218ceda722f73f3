import { MessagePublisher } from '@itsm/messaging';
import { BeforeApplicationShutdown, DynamicModule, Global, Inject, Injectable, Module, OnApplicationBootstrap, OnApplicationShutdown, Optional } from '@nestjs/common';
import { mongo } from 'mongoose';
import { CollectionName, collectionNamespace } from '../document-write-lock';
import { OutboxDocument, OutboxEventSink, OutboxRelay, OutboxRelayOptions } from './outbox-relay';
import { OUTBOX_LEASE_MS } from './outbox.schema';

const OUTBOX_RELAY_OPTIONS = Symbol('OUTBOX_RELAY_OPTIONS');

/** How every relay of a process works unless a test says otherwise: 30 s lease, a sweep every 5 s, 100 documents a round trip. */
const DEFAULT_OUTBOX_RELAY_OPTIONS: OutboxRelayOptions = { leaseMs: OUTBOX_LEASE_MS, sweepIntervalMs: 5_000, batchSize: 100 };

/**
 * The process's outbox relays, one per aggregate collection, made when a store or repository of that
 * collection is made: so every write hands its events to its collection's relay where it happens, no
 * use case has to remember to, and the sweep for outboxes a crashed process left behind runs for every
 * collection that has a writer here, from start-up until shutdown.
 *
 * Shutdown drains twice: before the app shuts down (the sweeps stop, publishes under way finish) and
 * again once it has (Nest closes the HTTP server and consumers in between, and the writes they finish
 * still hand events over). Whatever a closed connection keeps from going out stays in its outbox under
 * a lease, and another process's sweep publishes it.
 */
@Injectable()
export class OutboxRelays implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly relays = new Map<string, OutboxRelay>();
  private running = false;

  constructor(
    @Inject(MessagePublisher) private readonly sink: OutboxEventSink,
    @Optional() @Inject(OUTBOX_RELAY_OPTIONS) private readonly options: OutboxRelayOptions = DEFAULT_OUTBOX_RELAY_OPTIONS,
  ) {}

  /** The relay of `collection` (mongoose's or the driver's: both name the same one). */
  relayFor(collection: CollectionName): OutboxRelay {
    const namespace = collectionNamespace(collection);
    let relay = this.relays.get(namespace);
    if (!relay) {
      // The relay works on the driver's API (mongoose's collection proxies it): it needs no casting, only the outbox fields.
      relay = new OutboxRelay(collection as unknown as mongo.Collection<OutboxDocument>, this.sink, this.options);
      this.relays.set(namespace, relay);
      if (this.running) relay.start();
    }
    return relay;
  }

  onApplicationBootstrap(): void {
    this.running = true;
    for (const relay of this.relays.values()) relay.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.running = false;
    await this.drain();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.drain();
  }

  private async drain(): Promise<void> {
    await Promise.all([...this.relays.values()].map((relay) => relay.stop()));
  }
}

/**
 * Provides OutboxRelays to every store and repository of a service that writes aggregates with an
 * outbox. Needs MessagingModule (the MessagePublisher the relays publish with).
 */
@Global()
@Module({})
export class OutboxModule {
  private static root: DynamicModule | undefined;

  /** One per process: a second import gets the same module, so no collection ever has two relays. */
  static forRoot(options: Partial<OutboxRelayOptions> = {}): DynamicModule {
    const relayOptions = { ...DEFAULT_OUTBOX_RELAY_OPTIONS, ...options };
    const existing = OutboxModule.root?.providers?.[0] as { useValue: OutboxRelayOptions } | undefined;
    if (existing && JSON.stringify(existing.useValue) !== JSON.stringify(relayOptions)) {
      throw new Error('OutboxModule.forRoot was called twice with different options; a process has one set of outbox relays');
    }
    OutboxModule.root ??= {
      module: OutboxModule,
      providers: [{ provide: OUTBOX_RELAY_OPTIONS, useValue: relayOptions }, OutboxRelays],
      exports: [OutboxRelays],
    };
    return OutboxModule.root;
  }
}
