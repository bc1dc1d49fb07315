import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { ThrottlerStorageService } from '@nestjs/throttler';
import { type FastifyRequest } from 'fastify';
import { decodeProtectedHeader, errors as joseErrors, jwtVerify } from 'jose';

import { type Locale } from '@fanfare/shared';

import { type WidgetTexts, type WidgetTheme } from '../brands/entities/brand.entity';
import { TooManyRequests, Unauthenticated } from '../common/errors/domain-error';
import { SecretBox } from '../common/crypto/secret-box';
import { APP_CONFIG, type RuntimeConfig } from '../config/config.module';
import { Transactions } from '../database/transactions';

/** The brand a widget request names with its publishable key. */
export interface WidgetBrand {
  id: string;
  name: string;
  locale: Locale;
  timeZone: string;
  origins: string[];
  theme: WidgetTheme;
  texts: WidgetTexts;
}

/** Who the fan token says the fan is: the brand's customer id, and what it tells about her. */
export interface FanClaims {
  customerId: string;
  email: string | null;
  name: string | null;
}

/** Set on widget requests by the access guard. */
export interface WidgetCaller {
  brand: WidgetBrand;
  fan: FanClaims | null;
}

declare module 'fastify' {
  interface FastifyRequest {
    widgetBrand?: WidgetBrand | null;
    widget?: WidgetCaller;
  }
}

export const PUBLISHABLE_KEY_PATTERN = /^pk_[0-9a-f]{32}$/;
/** Fan tokens may not live longer than this (plus clock tolerance). */
export const MAX_TOKEN_LIFETIME_SECONDS = 24 * 60 * 60;
const CLOCK_TOLERANCE_SECONDS = 60;
const MINUTE_MS = 60_000;

/**
 * Authenticates the widget's requests: the publishable key names the brand; the fan token (HS256,
 * signed by the brand's backend with the widget secret its `kid` names) names the customer. Also
 * counts requests per address and per fan.
 */
@Injectable()
export class WidgetAuthService implements OnApplicationShutdown {
  readonly secrets: SecretBox;
  private readonly limiter = new ThrottlerStorageService();

  constructor(
    private readonly tx: Transactions,
    @Inject(APP_CONFIG) private readonly config: RuntimeConfig,
  ) {
    this.secrets = new SecretBox(config.sessionSecret, 'widget-secrets');
  }

  onApplicationShutdown(): void {
    this.limiter.onApplicationShutdown();
  }

  /** The brand a request's `pk` query parameter names; looked up once per request. */
  async brandOf(request: FastifyRequest): Promise<WidgetBrand | null> {
    if (request.widgetBrand !== undefined) return request.widgetBrand;
    const key = (request.query as Record<string, unknown> | undefined)?.['pk'];
    request.widgetBrand = typeof key === 'string' ? await this.findBrand(key) : null;
    return request.widgetBrand;
  }

  async findBrand(publishableKey: string): Promise<WidgetBrand | null> {
    if (!PUBLISHABLE_KEY_PATTERN.test(publishableKey)) return null;
    const rows: WidgetBrand[] = await this.tx.manager.query(
      `SELECT id, name, locale, time_zone AS "timeZone", widget_origins AS origins, widget_theme AS theme,
              widget_texts AS texts
         FROM brand WHERE widget_key = $1`,
      [publishableKey],
    );
    return rows[0] ?? null;
  }

  /** Verifies a fan token against the brand's widget secrets; any flaw is a 401 saying which. */
  async verifyFanToken(brandId: string, token: string): Promise<FanClaims> {
    let kid: string | undefined;
    try {
      const header = decodeProtectedHeader(token);
      if (header.alg !== 'HS256') throw invalidToken('it must be signed with HS256');
      kid = header.kid;
    } catch (error) {
      if (error instanceof Unauthenticated) throw error;
      throw invalidToken('it is not a JWT');
    }
    if (kid === undefined || kid === '')
      throw invalidToken('its header names no kid (the secret it was signed with)');
    const rows: Array<{ sealed: Buffer }> = await this.tx.manager.query(
      `SELECT secret_sealed AS sealed FROM widget_secret
        WHERE brand_id = $1 AND kid = $2 AND (expires_at IS NULL OR expires_at > now())`,
      [brandId, kid],
    );
    const secret = rows[0] ? this.secrets.open(rows[0].sealed) : null;
    if (secret === null) throw invalidToken(`the secret ${kid.slice(0, 80)} is unknown, revoked or expired`);
    let payload: Record<string, unknown>;
    try {
      ({ payload } = await jwtVerify(token, new TextEncoder().encode(secret), {
        algorithms: ['HS256'],
        requiredClaims: ['sub', 'exp'],
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
      }));
    } catch (error) {
      throw invalidToken(describeJoseError(error));
    }
    const exp = payload['exp'] as number;
    if (exp - Date.now() / 1000 > MAX_TOKEN_LIFETIME_SECONDS + CLOCK_TOLERANCE_SECONDS) {
      throw invalidToken('its exp is more than 24 hours ahead');
    }
    const sub = payload['sub'];
    if (typeof sub !== 'string' || sub.trim() === '' || sub.length > 200) {
      throw invalidToken('its sub must be the customer id: 1 to 200 characters');
    }
    return {
      customerId: sub,
      email: claimText(payload['email'], 320),
      name: claimText(payload['name'], 200),
    };
  }

  /** Counts one request against a limit of `limit` per minute; over it: 429 with Retry-After. */
  async count(key: string, limit: number, what: string): Promise<void> {
    const record = await this.limiter.increment(key, MINUTE_MS, limit, 0, what);
    if (record.isBlocked) {
      throw new TooManyRequests(
        `Too many widget requests ${what}; try again in a minute.`,
        Math.max(1, Math.ceil(record.timeToBlockExpire)),
      );
    }
  }

  async countAddress(ip: string): Promise<void> {
    await this.count(`address:${ip}`, this.config.widgetRateLimit.perAddress, 'from this address');
  }

  async countFan(brandId: string, customerId: string): Promise<void> {
    await this.count(`fan:${brandId}:${customerId}`, this.config.widgetRateLimit.perFan, 'for this fan');
  }
}

export function invalidToken(why: string): Unauthenticated {
  return new Unauthenticated('fan_token_invalid', `The fan token is not valid: ${why}.`);
}

function describeJoseError(error: unknown): string {
  if (error instanceof joseErrors.JWTExpired) return 'it has expired';
  if (error instanceof joseErrors.JWSSignatureVerificationFailed) return 'its signature does not match';
  if (error instanceof joseErrors.JWTClaimValidationFailed)
    return `its ${error.claim} claim ${error.reason === 'missing' ? 'is missing' : 'is not valid'}`;
  if (error instanceof joseErrors.JOSEAlgNotAllowed) return 'it must be signed with HS256';
  return 'it is not a well-formed JWT';
}

function claimText(value: unknown, max: number): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim().slice(0, max) : null;
}
