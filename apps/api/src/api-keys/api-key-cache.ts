import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { Client } from 'pg';

import { APP_CONFIG, type RuntimeConfig } from '../config/config.module';
import { type ApiKeyEntity } from './entities/api-key.entity';

/** Revocations are announced on this channel (NOTIFY in the revoking transaction). */
export const REVOKED_CHANNEL = 'fanfare_api_key_revoked';
const TTL_MS = 60_000;
const MAX_ENTRIES = 10_000;
const RECONNECT_MS = 5_000;

/**
 * Keeps recently used API keys in memory, so that a busy integration is not looked up on every
 * request. A key is cached only while this process listens for revocations: a revocation NOTIFYs
 * in its transaction, every instance drops the key when it commits, and the revoking instance drops
 * it at once as well. Without the listener (it failed, or has not connected yet) every request
 * reads the database, as before. Entries also expire after a minute.
 */
@Injectable()
export class ApiKeyCache implements OnApplicationShutdown {
  private readonly logger = new Logger('ApiKeyCache');
  private readonly entries = new Map<string, { key: ApiKeyEntity; until: number }>();
  /** Bumped by every revocation: a lookup that read the database before it does not cache. */
  private generation = 0;
  private listener: Client | null = null;
  private connecting = false;
  private closed = false;
  /** After a failure, no new attempt before this time (requests meanwhile read the database). */
  private retryAt = 0;

  constructor(@Inject(APP_CONFIG) private readonly config: RuntimeConfig) {}

  get(secretHash: string): ApiKeyEntity | undefined {
    if (this.listener === null) {
      this.listen();
      return undefined;
    }
    const entry = this.entries.get(secretHash);
    if (!entry) return undefined;
    if (entry.until < Date.now()) {
      this.entries.delete(secretHash);
      return undefined;
    }
    return entry.key;
  }

  /** What a lookup that started at `generation` found; dropped when a revocation came in between. */
  remember(secretHash: string, key: ApiKeyEntity, generation: number): void {
    if (this.listener === null || generation !== this.generation || key.revokedAt !== null) return;
    if (this.entries.size >= MAX_ENTRIES) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(secretHash, { key, until: Date.now() + TTL_MS });
  }

  get currentGeneration(): number {
    return this.generation;
  }

  forget(keyId: string): void {
    this.generation += 1;
    for (const [hash, entry] of this.entries) {
      if (entry.key.id === keyId) this.entries.delete(hash);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.closed = true;
    const listener = this.listener;
    this.listener = null;
    this.entries.clear();
    await listener?.end().catch(() => undefined);
  }

  private listen(): void {
    if (this.connecting || this.closed || Date.now() < this.retryAt) return;
    this.connecting = true;
    const client = new Client({ connectionString: this.config.databaseUrl });
    const lost = (error: unknown): void => {
      if (this.listener === client) {
        this.logger.warn(`Lost the revocation listener (${String(error)}); reading keys from the database`);
      }
      this.drop(client);
      this.retryAt = Date.now() + RECONNECT_MS;
    };
    client.on('error', lost);
    client.on('end', () => this.drop(client));
    client.on('notification', (message) => {
      if (message.channel === REVOKED_CHANNEL && message.payload) this.forget(message.payload);
    });
    client
      .connect()
      .then(() => client.query(`LISTEN ${REVOKED_CHANNEL}`))
      .then(() => {
        this.connecting = false;
        if (this.closed) {
          void client.end();
          return;
        }
        this.listener = client;
      })
      .catch((error: unknown) => {
        this.connecting = false;
        void client.end().catch(() => undefined);
        lost(error);
      });
  }

  private drop(client: Client): void {
    if (this.listener !== client) return;
    this.listener = null;
    this.generation += 1;
    this.entries.clear();
  }
}
