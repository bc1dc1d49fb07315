import { randomBytes } from 'node:crypto';

import { Injectable } from '@nestjs/common';

import { type AuditActor, auditActorLabel, AuditService } from '../audit/audit.service';
import { type RequestMeta } from '../auth/actor';
import {
  BrandEntity as Brand,
  type BrandEntity,
  type WidgetTexts,
  type WidgetTheme,
} from '../brands/entities/brand.entity';
import { NotFound, ValidationFailed } from '../common/errors/domain-error';
import { Transactions } from '../database/transactions';
import { type UpdateWidgetSettingsDto } from './dto/widget-settings.dto';
import { WidgetSecretEntity } from './entities/widget-secret.entity';
import { WidgetAuthService } from './widget-auth.service';
import { readOrigins } from './widget-settings';

export const DEFAULT_OVERLAP_HOURS = 24;

/** A brand's widget settings: origins, colours, texts, and the signing secrets of fan tokens. */
@Injectable()
export class WidgetSettingsService {
  constructor(
    private readonly tx: Transactions,
    private readonly audit: AuditService,
    private readonly auth: WidgetAuthService,
  ) {}

  async get(brandId: string): Promise<{ brand: BrandEntity; secrets: WidgetSecretEntity[] }> {
    const brand = await this.tx.manager.findOneBy(Brand, { id: brandId });
    if (!brand) throw new NotFound('Brand');
    const secrets = await this.tx.manager.find(WidgetSecretEntity, {
      where: { brandId },
      order: { createdAt: 'DESC', kid: 'DESC' },
    });
    return { brand, secrets };
  }

  async update(brandId: string, input: UpdateWidgetSettingsDto, actor: AuditActor, meta: RequestMeta | null) {
    const changes: Partial<Pick<BrandEntity, 'widgetOrigins' | 'widgetTheme' | 'widgetTexts'>> = {};
    if (input.allowedOrigins !== undefined) {
      const read = readOrigins(input.allowedOrigins);
      if ('errors' in read) throw new ValidationFailed(read.errors);
      changes.widgetOrigins = read.origins;
    }
    if (input.theme !== undefined) changes.widgetTheme = cleanTheme(input.theme);
    if (input.texts !== undefined) changes.widgetTexts = cleanTexts(input.texts);
    await this.tx.run(async () => {
      const before = await this.tx.manager.findOne(Brand, {
        where: { id: brandId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!before) throw new NotFound('Brand');
      if (Object.keys(changes).length === 0) return;
      await this.tx.manager.update(Brand, { id: brandId }, { ...changes, updatedAt: () => 'now()' });
      await this.audit.record(actor, meta, {
        brandId,
        action: 'widget.updated',
        targetType: 'brand',
        targetId: brandId,
        targetLabel: before.name,
        changes: Object.fromEntries(
          Object.entries(changes).map(([field, to]) => [
            field,
            { from: before[field as keyof typeof changes], to },
          ]),
        ),
      });
    });
    return this.get(brandId);
  }

  /**
   * Issues a new signing secret. The secrets in use keep verifying tokens for `overlapHours` (so that
   * the brand's servers can switch over), then expire. The secret is answered this once only.
   */
  async rotateSecret(brandId: string, overlapHours: number, actor: AuditActor, meta: RequestMeta | null) {
    const kid = `wk_${randomBytes(8).toString('hex')}`;
    const secret = `wsec_${randomBytes(32).toString('base64url')}`;
    await this.tx.run(async () => {
      const brand = await this.tx.manager.findOne(Brand, {
        where: { id: brandId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!brand) throw new NotFound('Brand');
      const ended: Array<{ kid: string }> = await this.tx.manager.query(
        `UPDATE widget_secret SET expires_at = now() + make_interval(hours => $2)
          WHERE brand_id = $1 AND (expires_at IS NULL OR expires_at > now() + make_interval(hours => $2))
          RETURNING kid`,
        [brandId, overlapHours],
      );
      await this.tx.manager.insert(WidgetSecretEntity, {
        brandId,
        kid,
        secretSealed: this.auth.secrets.seal(secret),
        createdBy: auditActorLabel(actor),
      });
      await this.audit.record(actor, meta, {
        brandId,
        action: 'widget.secret_rotated',
        targetType: 'widget_secret',
        targetId: kid,
        targetLabel: kid,
        changes: { overlapHours: { to: overlapHours }, expiring: { to: ended.map((row) => row.kid) } },
      });
    });
    return { kid, secret, ...(await this.get(brandId)) };
  }

  /** Ends a secret at once: tokens signed with it stop working with the commit. */
  async revokeSecret(
    brandId: string,
    kid: string,
    actor: AuditActor,
    meta: RequestMeta | null,
  ): Promise<void> {
    await this.tx.run(async () => {
      const rows: Array<{ kid: string }> = await this.tx.manager.query(
        `UPDATE widget_secret SET expires_at = now()
          WHERE brand_id = $1 AND kid = $2 AND (expires_at IS NULL OR expires_at > now())
          RETURNING kid`,
        [brandId, kid],
      );
      if (rows.length === 0) {
        const exists = await this.tx.manager.existsBy(WidgetSecretEntity, { brandId, kid });
        if (!exists) throw new NotFound('Widget secret');
        return;
      }
      await this.audit.record(actor, meta, {
        brandId,
        action: 'widget.secret_revoked',
        targetType: 'widget_secret',
        targetId: kid,
        targetLabel: kid,
      });
    });
  }
}

function cleanTheme(theme: WidgetTheme): WidgetTheme {
  const clean: WidgetTheme = {};
  for (const key of ['primaryColor', 'textColor', 'backgroundColor'] as const) {
    const value = theme[key];
    if (value !== undefined) clean[key] = value.toLowerCase();
  }
  return clean;
}

function cleanTexts(texts: WidgetTexts): WidgetTexts {
  const clean: WidgetTexts = {};
  for (const locale of ['de', 'en'] as const) {
    const set = texts[locale];
    if (set === undefined) continue;
    const title = set.title?.trim();
    const welcome = set.welcome?.trim();
    const kept = { ...(title ? { title } : {}), ...(welcome ? { welcome } : {}) };
    if (Object.keys(kept).length > 0) clean[locale] = kept;
  }
  return clean;
}
