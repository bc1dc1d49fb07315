import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { Client } from 'pg';

import { isUuid } from '@fanfare/shared';

import { APP_CONFIG, type RuntimeConfig } from '../config/config.module';
import { WebhookDispatcher } from './webhook-dispatcher';

/** The outbox triggers NOTIFY this channel with the brand's id; PostgreSQL delivers it on commit. */
export const OUTBOX_CHANNEL = 'webhook_outbox';
const RECONNECT_MS = 5_000;

/**
 * Starts a dispatch right after a transaction that wrote to the outbox commits, on a connection of
 * its own that LISTENs. On connecting (at start, after a lost connection) it dispatches whatever
 * waits, since notifications sent meanwhile are gone; the sweep every minute covers the rest.
 */
@Injectable()
export class OutboxListener implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('WebhookOutbox');
  private client: Client | null = null;
  private closed = false;
  private retry: NodeJS.Timeout | null = null;

  constructor(
    private readonly dispatcher: WebhookDispatcher,
    @Inject(APP_CONFIG) private readonly config: RuntimeConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.connect();
  }

  async onApplicationShutdown(): Promise<void> {
    this.closed = true;
    if (this.retry) clearTimeout(this.retry);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    if (this.closed) return;
    const client = new Client({ connectionString: this.config.databaseUrl });
    const lost = (error: unknown): void => {
      if (this.client !== client) return;
      this.client = null;
      this.logger.warn(`Lost the outbox listener (${String(error)}); reconnecting`);
      this.reconnectLater();
    };
    client.on('error', lost);
    client.on('end', () => lost('connection ended'));
    client.on('notification', (message) => {
      if (message.channel === OUTBOX_CHANNEL && message.payload && isUuid(message.payload)) {
        this.dispatcher.kick(message.payload);
      }
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
    } catch (error) {
      await client.end().catch(() => undefined);
      this.logger.warn(`The outbox listener could not connect (${String(error)}); retrying`);
      this.reconnectLater();
      return;
    }
    if (this.closed) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    await this.dispatcher.resume().catch((error: unknown) => {
      this.logger.error(`resuming webhook deliveries failed: ${String(error)}`);
    });
  }

  private reconnectLater(): void {
    if (this.closed || this.retry) return;
    this.retry = setTimeout(() => {
      this.retry = null;
      void this.connect();
    }, RECONNECT_MS);
    this.retry.unref();
  }
}
