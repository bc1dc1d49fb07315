import { Inject, Injectable } from '@nestjs/common';
import { SignJWT } from 'jose';

import { type AuditActor } from '../audit/audit.service';
import { BrandsRepository } from '../brands/brands.repository';
import { type BrandEntity } from '../brands/entities/brand.entity';
import { NotFound } from '../common/errors/domain-error';
import { APP_CONFIG, type RuntimeConfig } from '../config/config.module';
import { Transactions } from '../database/transactions';
import { type EventOutcome, EventsService } from '../events/events.service';
import { WidgetAuthService } from '../widget/widget-auth.service';
import { WidgetSettingsService } from '../widget/widget-settings.service';

/** The demo shop's customers: a visitor picks one and is "logged in" as that customer. */
export const DEMO_CUSTOMERS = [
  { id: 'demo-anna', name: 'Anna Demo', email: 'anna.demo@example.com' },
  { id: 'demo-ben', name: 'Ben Demo', email: 'ben.demo@example.com' },
] as const;

export type DemoAction = 'purchase' | 'review';
const TOKEN_LIFETIME_SECONDS = 60 * 60;
const SEED_ACTOR: AuditActor = { type: 'system', label: 'demo shop' };

/**
 * What the demo page at `/demo` needs and a real shop's backend would do itself: minting fan tokens
 * for its customers and reporting their purchases. Only for the demo brand, and only where the demo
 * is enabled (the embedded database, or FANFARE_SEED_DEMO).
 */
@Injectable()
export class DemoShopService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: RuntimeConfig,
    private readonly tx: Transactions,
    private readonly brands: BrandsRepository,
    private readonly widgetAuth: WidgetAuthService,
    private readonly widgetSettings: WidgetSettingsService,
    private readonly events: EventsService,
  ) {}

  async shop(): Promise<{ brand: BrandEntity }> {
    if (!this.config.seedDemo) throw new NotFound('The demo shop');
    const brand = await this.brands.findDemo();
    if (!brand) throw new NotFound('The demo brand');
    return { brand };
  }

  /** A fan token for a demo customer, signed with the demo brand's newest secret (made if none is left). */
  async mintToken(customerId: string): Promise<{ token: string; expiresAt: Date }> {
    const { brand } = await this.shop();
    const customer = DEMO_CUSTOMERS.find((candidate) => candidate.id === customerId);
    if (!customer) throw new NotFound('The demo customer');
    // Signing up in the shop earns the welcome bonus (once: the event id is the same every time).
    await this.events.ingest(brand.id, {
      id: `demo-shop-signup-${customer.id}`,
      type: 'signup',
      channel: 'web',
      occurredAt: new Date().toISOString(),
      fan: { externalId: customer.id, displayName: customer.name, email: customer.email },
    });
    const { kid, secret } = await this.signingSecret(brand.id);
    const expiresAt = new Date((Math.floor(Date.now() / 1000) + TOKEN_LIFETIME_SECONDS) * 1000);
    const token = await new SignJWT({ name: customer.name, email: customer.email })
      .setProtectedHeader({ alg: 'HS256', kid })
      .setSubject(customer.id)
      .setIssuedAt()
      .setExpirationTime(expiresAt)
      .sign(new TextEncoder().encode(secret));
    return { token, expiresAt };
  }

  /** What a shop's backend would send when the customer buys or reviews: a real engagement event. */
  async act(customerId: string, action: DemoAction, amount: number): Promise<EventOutcome> {
    const { brand } = await this.shop();
    const customer = DEMO_CUSTOMERS.find((candidate) => candidate.id === customerId);
    if (!customer) throw new NotFound('The demo customer');
    const id = `demo-shop-${action}-${customer.id}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
    const { results } = await this.events.ingest(brand.id, {
      id,
      type: action,
      channel: 'web',
      occurredAt: new Date().toISOString(),
      fan: { externalId: customer.id, displayName: customer.name, email: customer.email },
      properties: action === 'purchase' ? { amount, currency: 'EUR' } : { rating: 5 },
    });
    return results[0]!;
  }

  private async signingSecret(brandId: string): Promise<{ kid: string; secret: string }> {
    const rows: Array<{ kid: string; sealed: Buffer }> = await this.tx.manager.query(
      `SELECT kid, secret_sealed AS sealed FROM widget_secret
        WHERE brand_id = $1 AND (expires_at IS NULL OR expires_at > now() + interval '1 hour')
        ORDER BY created_at DESC LIMIT 1`,
      [brandId],
    );
    const secret = rows[0] ? this.widgetAuth.secrets.open(rows[0].sealed) : null;
    if (rows[0] && secret !== null) return { kid: rows[0].kid, secret };
    const made = await this.widgetSettings.rotateSecret(brandId, 24, SEED_ACTOR, null);
    return { kid: made.kid, secret: made.secret };
  }
}
