import { randomInt } from 'node:crypto';

import { Injectable } from '@nestjs/common';

import { uuidv7 } from '@fanfare/shared';

import { type AuditActor, AuditService, auditActorLabel } from '../audit/audit.service';
import { type RequestMeta } from '../auth/actor';
import { Conflict, NotFound } from '../common/errors/domain-error';
import { Transactions } from '../database/transactions';
import { FansRepository } from '../fans/fans.repository';
import { FansService } from '../fans/fans.service';
import { LinkCodeEntity, type LinkableChannel } from './entities/link-code.entity';

export const LINK_CODE_TTL_HOURS = 24;
/** Letters and digits that cannot be mistaken for one another (no 0/O, 1/I/L). */
const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const CODE_LENGTH = 6;
const CODE_IN_TEXT = new RegExp(`\\bFAN-([${CODE_ALPHABET}]{${CODE_LENGTH}})\\b`, 'gi');

export interface LinkIdentity {
  channel: string;
  externalId: string;
  handle: string | null;
  displayName: string | null;
}

/** Why a code did not link, for the log (the admin words it in its language; `reason` is English). */
export type LinkFailure = 'unknown_code' | 'wrong_channel' | 'used' | 'expired' | 'fan_gone';

export type LinkOutcome =
  | { linked: true; code: string; fanId: string; identityId: string; mergedFanId: string | null }
  | {
      linked: false;
      code: string;
      failure: LinkFailure;
      reason: string;
      /** wrong_channel: the channel the code is for, and the one it came from. */
      channels?: { expected: string; got: string };
    };

/** The codes (upper case, each once) written in a comment or message. */
export function codesIn(text: string): string[] {
  return [
    ...new Set([...text.matchAll(CODE_IN_TEXT)].map((match) => `FAN-${(match[1] ?? '').toUpperCase()}`)),
  ];
}

/**
 * Verified account linking. A fan asks for a one-time code in the widget; a signed delivery from
 * an account on that channel that carries the code proves the account is hers, and links it —
 * merging the account's fan into hers when it had earned on its own. Managers link and unlink by
 * hand. Every linked identity records its proof.
 */
@Injectable()
export class LinkingService {
  constructor(
    private readonly tx: Transactions,
    private readonly fans: FansRepository,
    private readonly fanService: FansService,
    private readonly audit: AuditService,
  ) {}

  /** The fan's open code for `channel`, or a new one valid for 24 hours. */
  async codeFor(
    brandId: string,
    fanId: string,
    channel: LinkableChannel,
    now: Date,
  ): Promise<LinkCodeEntity> {
    return this.tx.run(async () => {
      // Still open for at least an hour: a code about to expire is not handed out again.
      const existing = await this.tx.manager
        .createQueryBuilder(LinkCodeEntity, 'c')
        .where('c.brandId = :brandId AND c.fanId = :fanId AND c.channel = :channel', {
          brandId,
          fanId,
          channel,
        })
        .andWhere('c.usedAt IS NULL')
        .andWhere("c.expiresAt > CAST(:now AS timestamptz) + interval '1 hour'", { now })
        .orderBy('c.expiresAt', 'DESC')
        .getOne();
      if (existing) return existing;
      for (;;) {
        const code: LinkCodeEntity = {
          brandId,
          code: `FAN-${Array.from({ length: CODE_LENGTH }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('')}`,
          fanId,
          channel,
          createdAt: now,
          expiresAt: new Date(now.getTime() + LINK_CODE_TTL_HOURS * 3_600_000),
          usedAt: null,
          identityId: null,
        };
        const inserted = await this.tx.manager.query<Array<{ code: string }>>(
          `INSERT INTO link_code (brand_id, code, fan_id, channel, created_at, expires_at)
           VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING RETURNING code`,
          [brandId, code.code, fanId, channel, code.createdAt, code.expiresAt],
        );
        if (inserted.length > 0) return code;
      }
    });
  }

  /** Links `identity` to the fan of `code` when the code is valid for it; says why not otherwise. */
  async linkByCode(
    brandId: string,
    code: string,
    identity: LinkIdentity,
    proof: Record<string, unknown>,
    now: Date,
  ): Promise<LinkOutcome> {
    return this.tx.run(async () => {
      const row = await this.tx.manager.findOne(LinkCodeEntity, {
        where: { brandId, code },
        lock: { mode: 'pessimistic_write' },
      });
      if (!row) return { linked: false, code, failure: 'unknown_code', reason: 'unknown code' };
      if (row.channel !== identity.channel) {
        return {
          linked: false,
          code,
          failure: 'wrong_channel',
          reason: `the code links a ${row.channel} account, not ${identity.channel}`,
          channels: { expected: row.channel, got: identity.channel },
        };
      }
      const holder = await this.fans.findFanOfIdentity(brandId, identity.channel, identity.externalId);
      const target = await this.fans.findResolved(brandId, row.fanId);
      if (row.usedAt !== null) {
        return holder !== null && holder === target?.id
          ? { linked: true, code, fanId: holder, identityId: row.identityId ?? '', mergedFanId: null }
          : { linked: false, code, failure: 'used', reason: 'the code was used already' };
      }
      if (row.expiresAt <= now) {
        return { linked: false, code, failure: 'expired', reason: 'the code has expired' };
      }
      if (!target || target.erasedAt !== null) {
        return { linked: false, code, failure: 'fan_gone', reason: 'the fan is gone' };
      }
      const result = await this.attach(brandId, target.id, identity, holder, {
        method: 'code',
        code,
        at: now.toISOString(),
        ...proof,
      });
      await this.tx.manager.update(
        LinkCodeEntity,
        { brandId, code },
        { usedAt: now, identityId: result.identityId },
      );
      await this.audit.record({ type: 'system', label: 'account linking' }, null, {
        brandId,
        action: 'fan.identity_linked',
        targetType: 'fan',
        targetId: target.id,
        targetLabel: target.displayName ?? target.email ?? target.id,
        changes: {
          identity: { to: `${identity.channel}:${identity.handle ?? identity.externalId}` },
          proof: { to: `code ${code}` },
          ...(result.mergedFanId ? { merged: { to: result.mergedFanId } } : {}),
        },
      });
      return { linked: true, code, fanId: target.id, ...result };
    });
  }

  /** A manager links an account by hand (recorded as such): merged when it belongs to another fan. */
  async linkManually(
    brandId: string,
    fanId: string,
    identity: LinkIdentity,
    actor: AuditActor,
    meta: RequestMeta,
  ): Promise<{ identityId: string; mergedFanId: string | null }> {
    return this.tx.run(async () => {
      const target = await this.fans.findResolved(brandId, fanId);
      if (!target) throw new NotFound('Fan');
      if (target.erasedAt !== null)
        throw new Conflict('fan_erased', 'An erased fan cannot get accounts linked.');
      const holder = await this.fans.findFanOfIdentity(brandId, identity.channel, identity.externalId);
      if (holder === target.id) {
        throw new Conflict('already_linked', 'This account is linked to this fan already.');
      }
      const result = await this.attach(brandId, target.id, identity, holder, {
        method: 'manual',
        by: auditActorLabel(actor),
        at: new Date().toISOString(),
      });
      await this.audit.record(actor, meta, {
        brandId,
        action: 'fan.identity_linked',
        targetType: 'fan',
        targetId: target.id,
        targetLabel: target.displayName ?? target.email ?? target.id,
        changes: {
          identity: { to: `${identity.channel}:${identity.handle ?? identity.externalId}` },
          proof: { to: 'linked by hand' },
          ...(result.mergedFanId ? { merged: { to: result.mergedFanId } } : {}),
        },
      });
      return result;
    });
  }

  /** Takes an account off a fan: its next event starts a fan of its own. A fan keeps one account at least. */
  async unlink(
    brandId: string,
    fanId: string,
    identityId: string,
    actor: AuditActor,
    meta: RequestMeta,
  ): Promise<void> {
    await this.tx.run(async () => {
      const target = await this.fans.findResolved(brandId, fanId);
      if (!target) throw new NotFound('Fan');
      await this.fans.lock(brandId, [target.id]);
      const identities = await this.fans.identitiesOf(brandId, [target.id]);
      const identity = identities.find((row) => row.id === identityId);
      if (!identity) throw new NotFound('Account');
      if (identities.length === 1) {
        throw new Conflict('last_identity', 'A fan keeps at least one account: this is her only one.');
      }
      await this.tx.manager.query('DELETE FROM fan_identity WHERE brand_id = $1 AND id = $2', [
        brandId,
        identityId,
      ]);
      await this.audit.record(actor, meta, {
        brandId,
        action: 'fan.identity_unlinked',
        targetType: 'fan',
        targetId: target.id,
        targetLabel: target.displayName ?? target.email ?? target.id,
        changes: { identity: { from: `${identity.channel}:${identity.handle ?? identity.externalId}` } },
      });
    });
  }

  /**
   * Puts the identity on `fanId` with its proof: created when new, the holder merged into the fan
   * when another fan held it (points, history and other accounts move; nothing is lost).
   */
  private async attach(
    brandId: string,
    fanId: string,
    identity: LinkIdentity,
    holder: string | null,
    proof: Record<string, unknown>,
  ): Promise<{ identityId: string; mergedFanId: string | null }> {
    let mergedFanId: string | null = null;
    if (holder === null) {
      const inserted = await this.tx.manager.query<Array<{ id: string }>>(
        `INSERT INTO fan_identity (brand_id, id, fan_id, channel, external_id, handle, display_name, source, proof)
         VALUES ($1, $2, $3, $4, $5, $6, $7, 'linked', $8)
         ON CONFLICT (brand_id, channel, external_id) DO NOTHING RETURNING id`,
        [
          brandId,
          uuidv7(),
          fanId,
          identity.channel,
          identity.externalId,
          identity.handle,
          identity.displayName,
          proof,
        ],
      );
      if (inserted[0]) return { identityId: inserted[0].id, mergedFanId };
      // Created by an event meanwhile: merge its fan as below.
      holder = await this.fans.findFanOfIdentity(brandId, identity.channel, identity.externalId);
    }
    if (holder !== null && holder !== fanId) {
      await this.fanService.merge(brandId, fanId, holder, { type: 'system', label: 'account linking' }, null);
      mergedFanId = holder;
    }
    const updated = await this.tx.manager.query<[Array<{ id: string }>, number]>(
      `UPDATE fan_identity SET source = 'linked', proof = $4,
              handle = coalesce($5, handle), display_name = coalesce($6, display_name)
        WHERE brand_id = $1 AND channel = $2 AND external_id = $3 RETURNING id`,
      [brandId, identity.channel, identity.externalId, proof, identity.handle, identity.displayName],
    );
    return { identityId: updated[0][0]?.id ?? '', mergedFanId };
  }
}
