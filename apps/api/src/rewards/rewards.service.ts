import { Injectable } from '@nestjs/common';

import { isUuid, uuidv7 } from '@fanfare/shared';

import { type AuditActor, AuditService, diff } from '../audit/audit.service';
import { type JsonValue } from '../audit/entities/audit-log-entry.entity';
import { type RequestMeta } from '../auth/actor';
import {
  Conflict,
  type FieldError,
  NotFound,
  PayloadTooLarge,
  ValidationFailed,
} from '../common/errors/domain-error';
import { decodeCursor, type Page, toPage } from '../common/pagination/cursor';
import { Transactions } from '../database/transactions';
import { TiersService } from '../tiers/tiers.service';
import {
  CODE_SAMPLE_SIZE,
  type CodeUpload,
  isUnreadable,
  MAX_CODES_PER_UPLOAD,
  MAX_REJECTED_LISTED,
  readCodeUpload,
  type RejectedLine,
  type UploadFormat,
} from './code-upload';
import { type CreateRewardDto } from './dto/create-reward.dto';
import { type UpdateRewardDto } from './dto/update-reward.dto';
import { type RewardEntity } from './entities/reward.entity';
import { type CodeCounts, settingsErrors } from './reward-settings';
import { type RewardFields, RewardsRepository } from './rewards.repository';

/** A reward with its code pool (coupons; null for other kinds). */
export interface RewardView {
  reward: RewardEntity;
  codes: CodeCounts | null;
}

export interface CodeUploadOutcome {
  added: number;
  duplicatesInUpload: { count: number; sample: string[] };
  alreadyStored: { count: number; sample: string[] };
  blankLines: number;
  rejected: RejectedLine[];
  /** The pool after the upload. */
  codes: CodeCounts;
}

const NO_CODES: CodeCounts = { available: 0, assigned: 0 };

@Injectable()
export class RewardsService {
  constructor(
    private readonly tx: Transactions,
    private readonly rewards: RewardsRepository,
    private readonly tiers: TiersService,
    private readonly audit: AuditService,
  ) {}

  async list(
    brandId: string,
    limit: number,
    cursor: string | undefined,
    active: boolean | undefined,
  ): Promise<Page<RewardView>> {
    const rows = await this.rewards.list(brandId, limit, {
      ...afterCursor(cursor),
      ...(active !== undefined ? { active } : {}),
    });
    const page = toPage(
      rows,
      limit,
      (row) => row,
      (row) => [row.position, row.id],
    );
    return { items: await this.withCodes(brandId, page.items), nextCursor: page.nextCursor };
  }

  async get(brandId: string, rewardId: string): Promise<RewardView> {
    const reward = await this.rewards.find(brandId, rewardId);
    if (!reward) throw new NotFound('Reward');
    const [view] = await this.withCodes(brandId, [reward]);
    return view!;
  }

  async create(
    brandId: string,
    input: CreateRewardDto,
    actor: AuditActor,
    meta: RequestMeta | null,
  ): Promise<RewardView> {
    const fields: RewardFields = {
      nameDe: input.nameDe.trim(),
      nameEn: input.nameEn.trim(),
      descriptionDe: input.descriptionDe ?? '',
      descriptionEn: input.descriptionEn ?? '',
      imageUrl: input.imageUrl ?? null,
      costPoints: String(input.costPoints),
      kind: input.kind,
      downloadUrl: input.downloadUrl ?? null,
      stock: input.stock ?? null,
      perFanLimit: input.perFanLimit ?? null,
      perFanPeriod: input.perFanPeriod ?? null,
      minTier: input.minTier ?? null,
      availableFrom: toDate(input.availableFrom),
      availableUntil: toDate(input.availableUntil),
      active: input.active ?? true,
      lowStockThreshold: input.lowStockThreshold ?? null,
    };
    const errors = [...settingsErrors(fields), ...(await this.tierErrors(brandId, fields.minTier))];
    if (errors.length > 0) throw new ValidationFailed(errors);

    return this.tx.run(async () => {
      const reward = await this.rewards.insert(brandId, uuidv7(), fields, input.position ?? undefined);
      await this.audit.record(actor, meta, {
        brandId,
        action: 'reward.created',
        targetType: 'reward',
        targetId: reward.id,
        targetLabel: reward.nameDe,
        changes: diff({}, auditFields(reward)),
      });
      return view(reward, new Map());
    });
  }

  /**
   * Changes the fields given; null clears those that can be empty. The result must hold together
   * as a new reward would; a reward with coupon codes keeps its kind, because its codes would
   * otherwise belong to a reward that cannot hand them out.
   */
  async update(
    brandId: string,
    rewardId: string,
    input: UpdateRewardDto,
    actor: AuditActor,
    meta: RequestMeta | null,
  ): Promise<RewardView> {
    return this.tx.run(async () => {
      const before = await this.rewards.lock(brandId, rewardId, 'update');
      if (!before) throw new NotFound('Reward');
      const next: RewardFields & Pick<RewardEntity, 'position'> = {
        nameDe: input.nameDe?.trim() ?? before.nameDe,
        nameEn: input.nameEn?.trim() ?? before.nameEn,
        descriptionDe: input.descriptionDe === undefined ? before.descriptionDe : (input.descriptionDe ?? ''),
        descriptionEn: input.descriptionEn === undefined ? before.descriptionEn : (input.descriptionEn ?? ''),
        imageUrl: input.imageUrl === undefined ? before.imageUrl : input.imageUrl,
        costPoints: input.costPoints === undefined ? before.costPoints : String(input.costPoints),
        kind: input.kind ?? before.kind,
        downloadUrl: input.downloadUrl === undefined ? before.downloadUrl : input.downloadUrl,
        stock: input.stock === undefined ? before.stock : input.stock,
        perFanLimit: input.perFanLimit === undefined ? before.perFanLimit : input.perFanLimit,
        perFanPeriod: input.perFanPeriod === undefined ? before.perFanPeriod : input.perFanPeriod,
        minTier: input.minTier === undefined ? before.minTier : input.minTier,
        availableFrom: input.availableFrom === undefined ? before.availableFrom : toDate(input.availableFrom),
        availableUntil:
          input.availableUntil === undefined ? before.availableUntil : toDate(input.availableUntil),
        active: input.active ?? before.active,
        lowStockThreshold:
          input.lowStockThreshold === undefined ? before.lowStockThreshold : input.lowStockThreshold,
        position: input.position ?? before.position,
      };
      // A tier removed from the ladder after it was set does not block other edits.
      const errors = [
        ...settingsErrors(next),
        ...(next.minTier !== before.minTier ? await this.tierErrors(brandId, next.minTier) : []),
      ];
      if (errors.length > 0) throw new ValidationFailed(errors);
      if (next.kind !== before.kind && (await this.rewards.hasCodes(brandId, rewardId))) {
        throw new Conflict(
          'reward_has_codes',
          `The reward has coupon codes, so it stays a ${before.kind} reward. Create a new reward instead.`,
          [{ field: 'kind', reason: `cannot change from ${before.kind}: the reward has coupon codes` }],
        );
      }

      const changes = diff(auditFields(before), auditFields(next));
      if (Object.keys(changes).length === 0) {
        return (await this.withCodes(brandId, [before]))[0]!;
      }
      const after = await this.rewards.update(brandId, rewardId, next);
      await this.audit.record(actor, meta, {
        brandId,
        action: 'reward.updated',
        targetType: 'reward',
        targetId: rewardId,
        targetLabel: after.nameDe,
        changes,
      });
      return (await this.withCodes(brandId, [after]))[0]!;
    });
  }

  /**
   * Adds an upload's codes to a coupon reward's pool in one transaction: codes the pool holds
   * already (from earlier or concurrent uploads) are reported, not stored twice. An upload with
   * nothing to store changes nothing.
   */
  async uploadCodes(
    brandId: string,
    rewardId: string,
    format: UploadFormat,
    body: unknown,
    actor: AuditActor,
    meta: RequestMeta | null,
  ): Promise<CodeUploadOutcome> {
    const upload = readCodeUpload(format, body);
    return this.tx.run(async () => {
      const reward = await this.rewards.lock(brandId, rewardId, 'share');
      if (!reward) throw new NotFound('Reward');
      if (reward.kind !== 'coupon') {
        throw new Conflict(
          'not_a_coupon',
          `Codes belong to coupon rewards, and this is a ${reward.kind} reward.`,
        );
      }
      if (isUnreadable(upload)) throw new ValidationFailed(upload.errors, 'The upload cannot be read.');
      assertStorable(upload, format);

      const stored = await this.rewards.insertCodes(brandId, rewardId, upload.codes);
      const alreadyStored = upload.codes.filter((code) => !stored.has(code));
      const codes = (await this.rewards.codeCounts(brandId, [rewardId])).get(rewardId) ?? NO_CODES;
      const outcome: CodeUploadOutcome = {
        added: stored.size,
        duplicatesInUpload: upload.duplicates,
        alreadyStored: { count: alreadyStored.length, sample: alreadyStored.slice(0, CODE_SAMPLE_SIZE) },
        blankLines: upload.blankLines,
        rejected: upload.rejected,
        codes,
      };
      if (outcome.added > 0) {
        // Counts only: the codes are what fans redeem, and the audit log is no place for them.
        await this.audit.record(actor, meta, {
          brandId,
          action: 'reward.codes_uploaded',
          targetType: 'reward',
          targetId: rewardId,
          targetLabel: reward.nameDe,
          changes: {
            added: { to: outcome.added },
            duplicatesInUpload: { to: outcome.duplicatesInUpload.count },
            alreadyStored: { to: outcome.alreadyStored.count },
            blankLines: { to: outcome.blankLines },
            rejected: { to: outcome.rejected.length },
            codesAvailable: { to: codes.available },
          },
        });
      }
      return outcome;
    });
  }

  /** A minimum tier must name a tier of the brand's ladder. */
  private async tierErrors(brandId: string, minTier: string | null): Promise<FieldError[]> {
    if (minTier === null) return [];
    const names = (await this.tiers.ladder(brandId)).tiers.map((tier) => tier.name);
    if (names.includes(minTier)) return [];
    return [
      {
        field: 'minTier',
        reason:
          names.length === 0
            ? 'names no tier: the brand has no tier ladder yet'
            : `must be one of the brand's tiers: ${names.join(', ')}`,
      },
    ];
  }

  private async withCodes(brandId: string, rewards: readonly RewardEntity[]): Promise<RewardView[]> {
    const counts = await this.rewards.codeCounts(
      brandId,
      rewards.filter((reward) => reward.kind === 'coupon').map((reward) => reward.id),
    );
    return rewards.map((reward) => view(reward, counts));
  }
}

function view(reward: RewardEntity, counts: ReadonlyMap<string, CodeCounts>): RewardView {
  return { reward, codes: reward.kind === 'coupon' ? (counts.get(reward.id) ?? NO_CODES) : null };
}

function toDate(value: string | null | undefined): Date | null {
  return value === undefined || value === null ? null : new Date(value);
}

function afterCursor(cursor: string | undefined): { after?: { position: number; id: string } } {
  const key = decodeCursor(cursor, 2);
  if (key === undefined) return {};
  const [position, id] = key;
  if (typeof position !== 'number' || !Number.isInteger(position) || typeof id !== 'string' || !isUuid(id)) {
    throw new ValidationFailed([{ field: 'cursor', reason: 'is not a cursor this list handed out' }]);
  }
  return { after: { position, id } };
}

/** Too many codes, none, or only rejected ones: an error, and nothing is stored. */
function assertStorable(upload: CodeUpload, format: UploadFormat): void {
  if (upload.entries > MAX_CODES_PER_UPLOAD) {
    throw new PayloadTooLarge(
      'too_many_codes',
      `An upload holds at most ${MAX_CODES_PER_UPLOAD} codes, and this one holds ${upload.entries}. ` +
        'Split it into several uploads.',
    );
  }
  if (upload.entries === 0) {
    throw new ValidationFailed(
      [{ field: format === 'json' ? 'codes' : '', reason: 'holds no codes' }],
      `The upload holds no codes${upload.blankLines > 0 ? `, only ${upload.blankLines} blank line(s)` : ''}.`,
    );
  }
  if (upload.codes.length === 0) {
    throw new ValidationFailed(
      upload.rejected
        .slice(0, MAX_REJECTED_LISTED)
        .map(({ line, reason }) =>
          format === 'json'
            ? { field: `codes.${line - 1}`, reason }
            : { field: '', reason: `line ${line}: the code ${reason}` },
        ),
      `None of the ${upload.rejected.length} code(s) can be stored; errors names each line.`,
    );
  }
}

/** The fields as the audit log shows them. */
function auditFields(reward: RewardFields & Pick<RewardEntity, 'position'>): Record<string, JsonValue> {
  return {
    nameDe: reward.nameDe,
    nameEn: reward.nameEn,
    descriptionDe: reward.descriptionDe,
    descriptionEn: reward.descriptionEn,
    imageUrl: reward.imageUrl,
    costPoints: Number(reward.costPoints),
    kind: reward.kind,
    downloadUrl: reward.downloadUrl,
    stock: reward.stock,
    perFanLimit: reward.perFanLimit,
    perFanPeriod: reward.perFanPeriod,
    minTier: reward.minTier,
    availableFrom: reward.availableFrom?.toISOString() ?? null,
    availableUntil: reward.availableUntil?.toISOString() ?? null,
    active: reward.active,
    lowStockThreshold: reward.lowStockThreshold,
    position: reward.position,
  };
}
