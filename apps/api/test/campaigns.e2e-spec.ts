import { randomUUID } from 'node:crypto';

import { type RuleDefinition, uuidv7 } from '@fanfare/shared';

import { type AuditEntryDto, type AuditLogPageDto } from '../src/audit/dto/audit-entry.dto';
import { CampaignsService } from '../src/campaigns/campaigns.service';
import { type CampaignDto, type CampaignPageDto } from '../src/campaigns/dto/campaign.dto';
import { addMember, createBrand, login } from './support/sessions';
import { bodyOf, type Problem, PROBLEM, tag, uniqueEmail } from './support/http';
import { startTestApp, type TestApp } from './support/test-app';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

function iso(offsetMs: number): string {
  return new Date(Date.now() + offsetMs).toISOString();
}

/** Instagram comment with #SoMeParade: 10 points, at most 3 a day. */
function commentRule(overrides: Partial<RuleDefinition> = {}): RuleDefinition {
  return {
    name: 'Comment with #SoMeParade',
    trigger: { eventType: 'comment', channels: ['instagram'] },
    conditions: [{ property: 'hashtags', op: 'contains', value: 'SoMeParade' }],
    award: { kind: 'fixed', points: 10 },
    limits: [{ window: 'day', max: 3 }],
    ...overrides,
  };
}

/** Like-gating: rewarding Facebook Page likes, which Meta forbids. */
function likeRule(): RuleDefinition {
  return {
    name: 'Like our page',
    trigger: { eventType: 'like', channels: ['facebook'] },
    conditions: [],
    award: { kind: 'fixed', points: 5 },
    limits: [{ window: 'lifetime', max: 1 }],
  };
}

function purchaseRule(): RuleDefinition {
  return {
    name: '1 point per euro',
    trigger: { eventType: 'purchase' },
    conditions: [{ property: 'amount', op: 'gt', value: 0 }],
    award: { kind: 'per_unit', property: 'amount', pointsPerUnit: 1, rounding: 'floor', maxPoints: 500 },
    limits: [],
  };
}

describe('campaigns', () => {
  let t: TestApp;
  let owner: string;

  beforeAll(async () => {
    t = await startTestApp();
    owner = await login(t);
  });
  afterAll(async () => {
    await t.close();
  });

  async function newBrand(): Promise<string> {
    return createBrand(t, owner, `Kampagnen ${tag()}`);
  }

  function campaignBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
    return {
      name: `Campaign ${tag()}`,
      description: 'Comments and purchases',
      startsAt: iso(-DAY),
      status: 'draft',
      rules: [commentRule()],
      ...overrides,
    };
  }

  async function create(
    brandId: string,
    overrides: Record<string, unknown> = {},
    cookie = owner,
  ): Promise<CampaignDto> {
    const response = await t
      .http()
      .post(`/api/v1/brands/${brandId}/campaigns`)
      .set('Cookie', cookie)
      .send(campaignBody(overrides));
    expect({ status: response.status, body: response.body as unknown }).toMatchObject({ status: 201 });
    return bodyOf<CampaignDto>(response);
  }

  function patch(brandId: string, campaignId: string, body: object, cookie = owner) {
    return t
      .http()
      .patch(`/api/v1/brands/${brandId}/campaigns/${campaignId}`)
      .set('Cookie', cookie)
      .send(body);
  }

  async function get(brandId: string, campaignId: string): Promise<CampaignDto> {
    return bodyOf<CampaignDto>(
      await t
        .http()
        .get(`/api/v1/brands/${brandId}/campaigns/${campaignId}`)
        .set('Cookie', owner)
        .expect(200),
    );
  }

  async function list(brandId: string, query: Record<string, string | number> = {}): Promise<CampaignDto[]> {
    const response = await t
      .http()
      .get(`/api/v1/brands/${brandId}/campaigns`)
      .query({ limit: 200, ...query })
      .set('Cookie', owner)
      .expect(200);
    return bodyOf<CampaignPageDto>(response).items;
  }

  async function auditLog(brandId: string, action: string): Promise<AuditEntryDto[]> {
    const response = await t
      .http()
      .get(`/api/v1/brands/${brandId}/audit-log`)
      .query({ action, limit: 200 })
      .set('Cookie', owner)
      .expect(200);
    return bodyOf<AuditLogPageDto>(response).items;
  }

  /** Books `points` for the campaign's rule as the ledger would: a fan, an entry, the fan's balance. */
  async function bookAward(
    brandId: string,
    campaignId: string,
    ruleId: string,
    version: number,
    points: number,
  ) {
    const fanId = uuidv7();
    await t.dataSource.query(
      `INSERT INTO fan (brand_id, id, balance, lifetime_points, first_seen_at, last_active_at)
       VALUES ($1, $2, $3, $3, now(), now())`,
      [brandId, fanId, points],
    );
    await t.dataSource.query(
      `INSERT INTO ledger_entry (brand_id, id, fan_id, kind, points, cause_key, campaign_id, rule_id, rule_version, occurred_at)
       VALUES ($1, $2, $3, 'earn', $4, $5, $6, $7, $8, now())`,
      [brandId, uuidv7(), fanId, points, `test:${randomUUID()}`, campaignId, ruleId, version],
    );
  }

  describe('create and read', () => {
    it('creates a campaign with its rules, and answers it the same way from get and list', async () => {
      const brandId = await newBrand();
      const startsAt = iso(-DAY);
      const endsAt = iso(30 * DAY);
      const response = await t
        .http()
        .post(`/api/v1/brands/${brandId}/campaigns`)
        .set('Cookie', owner)
        .send({
          name: '  Summer of fans  ',
          description: 'Comments and purchases',
          startsAt,
          endsAt,
          status: 'active',
          budgetPoints: 10000,
          rules: [commentRule(), { ...purchaseRule(), cooldownSeconds: null }],
        })
        .expect(201);
      const created = bodyOf<CampaignDto>(response);
      expect(created).toEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/) as unknown,
        name: 'Summer of fans',
        description: 'Comments and purchases',
        status: 'active',
        startsAt,
        endsAt,
        budgetPoints: 10000,
        pointsIssued: 0,
        budgetLeft: 10000,
        rules: [
          {
            id: expect.any(String) as unknown,
            version: 1,
            position: 0,
            definition: commentRule(),
            findings: [],
          },
          {
            id: expect.any(String) as unknown,
            version: 1,
            position: 1,
            definition: purchaseRule(),
            findings: [],
          },
        ],
        findings: [],
        createdAt: expect.any(String) as unknown,
        updatedAt: expect.any(String) as unknown,
      });
      expect(await get(brandId, created.id)).toEqual(created);
      expect(await list(brandId)).toEqual([created]);

      // Version 1 of each rule is stored at creation, and the event type is indexed.
      const versions = await t.dataSource.query<
        Array<{ rule_id: string; version: number; event_type: string }>
      >(
        `SELECT v.rule_id, v.version, r.event_type FROM reward_rule_version v
           JOIN reward_rule r ON r.brand_id = v.brand_id AND r.id = v.rule_id
          WHERE v.brand_id = $1 ORDER BY r.position`,
        [brandId],
      );
      expect(versions).toEqual([
        { rule_id: created.rules[0]!.id, version: 1, event_type: 'comment' },
        { rule_id: created.rules[1]!.id, version: 1, event_type: 'purchase' },
      ]);
    });

    it('creates a draft without rules by default', async () => {
      const brandId = await newBrand();
      const response = await t
        .http()
        .post(`/api/v1/brands/${brandId}/campaigns`)
        .set('Cookie', owner)
        .send({ name: 'Bare', startsAt: iso(DAY) })
        .expect(201);
      expect(bodyOf<CampaignDto>(response)).toMatchObject({
        status: 'draft',
        description: '',
        endsAt: null,
        budgetPoints: null,
        budgetLeft: null,
        rules: [],
        findings: [],
      });
    });

    it('pages the list newest first and filters it by status', async () => {
      const brandId = await newBrand();
      const draft = await create(brandId, { status: 'draft' });
      const active = await create(brandId, { status: 'active' });
      const paused = await create(brandId, { status: 'paused' });

      const seen: string[] = [];
      let cursor: string | null = null;
      for (let page = 0; page < 10; page += 1) {
        const query: Record<string, string | number> = cursor === null ? { limit: 2 } : { limit: 2, cursor };
        const body = bodyOf<CampaignPageDto>(
          await t
            .http()
            .get(`/api/v1/brands/${brandId}/campaigns`)
            .query(query)
            .set('Cookie', owner)
            .expect(200),
        );
        expect(body.items.length).toBeLessThanOrEqual(2);
        seen.push(...body.items.map((campaign) => campaign.id));
        cursor = body.nextCursor;
        if (cursor === null) break;
      }
      expect(seen).toEqual([paused.id, active.id, draft.id]);

      expect((await list(brandId, { status: 'active' })).map((c) => c.id)).toEqual([active.id]);
      expect((await list(brandId, { status: 'draft' })).map((c) => c.id)).toEqual([draft.id]);
      expect(await list(brandId, { status: 'ended' })).toEqual([]);

      const bad = await t
        .http()
        .get(`/api/v1/brands/${brandId}/campaigns`)
        .query({ status: 'running' })
        .set('Cookie', owner)
        .expect(400);
      expect(bodyOf<Problem>(bad).errors?.map((error) => error.field)).toEqual(['status']);
      const forged = await t
        .http()
        .get(`/api/v1/brands/${brandId}/campaigns`)
        .query({ cursor: Buffer.from('["nope"]').toString('base64url') })
        .set('Cookie', owner)
        .expect(400);
      expect(bodyOf<Problem>(forged).errors?.map((error) => error.field)).toEqual(['cursor']);
    });
  });

  describe('validation', () => {
    it('names the field of each problem and creates nothing', async () => {
      const brandId = await newBrand();
      const cases: Array<[Record<string, unknown>, string[]]> = [
        [{ rules: [commentRule({ award: { kind: 'fixed', points: -5 } })] }, ['rules.0.award.points']],
        [{ rules: [commentRule(), { ...commentRule(), trigger: undefined }] }, ['rules.1.trigger']],
        [
          { rules: [commentRule({ conditions: [{ property: 'text', op: 'matches', value: '(a+)+$' }] })] },
          ['rules.0.conditions.0.value'],
        ],
        [{ endsAt: iso(-2 * DAY) }, ['endsAt']],
        [
          { rules: [commentRule({ conditions: [{ property: 'text', op: 'like' as never, value: 'x' }] })] },
          ['rules.0.conditions.0.op'],
        ],
        [{ colour: 'red' }, ['colour']],
        [{ rules: [{ ...commentRule(), colour: 'red' }] }, ['rules.0.colour']],
        [
          { rules: [{ ...commentRule(), trigger: { eventType: 'comment', channel: 'x' } }] },
          ['rules.0.trigger.channel'],
        ],
        [{ rules: [commentRule({ trigger: { eventType: 'wink' } })] }, ['rules.0.trigger.eventType']],
        [{ rules: [{ ...commentRule(), id: randomUUID() }] }, ['rules.0.id']],
        [{ rules: ['comment'] }, ['rules.0']],
        [{ rules: Array.from({ length: 51 }, () => commentRule()) }, ['rules']],
        [{ rules: 'all of them' }, ['rules']],
        [{ name: '   ' }, ['name']],
        [{ name: 'x'.repeat(101) }, ['name']],
        [{ description: 'x'.repeat(2001) }, ['description']],
        [{ startsAt: 'tomorrow' }, ['startsAt']],
        [{ status: 'ended' }, ['status']],
        [{ budgetPoints: 0 }, ['budgetPoints']],
        [{ budgetPoints: 2.5 }, ['budgetPoints']],
        [{ budgetPoints: 1e13 }, ['budgetPoints']],
      ];
      for (const [overrides, fields] of cases) {
        const response = await t
          .http()
          .post(`/api/v1/brands/${brandId}/campaigns`)
          .set('Cookie', owner)
          .send(campaignBody(overrides));
        expect({ overrides, status: response.status }).toEqual({ overrides, status: 400 });
        expect(response.headers['content-type']).toMatch(PROBLEM);
        expect(bodyOf<Problem>(response).code).toBe('validation_failed');
        const found = [...new Set((bodyOf<Problem>(response).errors ?? []).map((error) => error.field))];
        expect({ overrides, fields: found }).toEqual({ overrides, fields });
      }
      expect(await list(brandId)).toEqual([]);
      const rules = await t.dataSource.query<unknown[]>('SELECT 1 FROM reward_rule WHERE brand_id = $1', [
        brandId,
      ]);
      expect(rules).toEqual([]);
    });

    it('reports every problem of a body at once', async () => {
      const brandId = await newBrand();
      const response = await t
        .http()
        .post(`/api/v1/brands/${brandId}/campaigns`)
        .set('Cookie', owner)
        .send(
          campaignBody({
            endsAt: iso(-2 * DAY),
            rules: [commentRule({ award: { kind: 'fixed', points: 0 } }), { name: 'Nothing else' }],
          }),
        )
        .expect(400);
      const fields = (bodyOf<Problem>(response).errors ?? []).map((error) => error.field);
      expect(fields).toEqual(
        expect.arrayContaining([
          'rules.0.award.points',
          'rules.1.trigger',
          'rules.1.conditions',
          'rules.1.award',
          'rules.1.limits',
          'endsAt',
        ]),
      );
    });
  });

  describe('policy guardrails', () => {
    it('saves a like-gating rule in a draft with a blocking finding, but will not activate it', async () => {
      const brandId = await newBrand();
      const draft = await create(brandId, { status: 'draft', rules: [commentRule(), likeRule()] });
      const likeId = draft.rules[1]!.id;
      expect(draft.rules[0]!.findings).toEqual([]);
      expect(draft.rules[1]!.findings).toEqual([
        {
          severity: 'block',
          policy: 'meta-like-gating',
          title: expect.any(String) as unknown,
          message: expect.stringContaining('like') as unknown,
          link: expect.stringMatching(/^https:\/\//) as unknown,
          field: 'trigger',
        },
      ]);
      expect(draft.findings).toEqual([{ ...draft.rules[1]!.findings[0], ruleId: likeId }]);

      const refused = await patch(brandId, draft.id, { status: 'active' }).expect(409);
      expect(refused.headers['content-type']).toMatch(PROBLEM);
      expect(bodyOf<Problem>(refused)).toMatchObject({
        code: 'policy_blocked',
        errors: [{ field: 'rules.1', reason: draft.rules[1]!.findings[0]!.message }],
      });
      expect(await get(brandId, draft.id)).toEqual(draft);

      // Paused may hold it too; active may not, not even at creation.
      await patch(brandId, draft.id, { status: 'paused' }).expect(200);
      const direct = await t
        .http()
        .post(`/api/v1/brands/${brandId}/campaigns`)
        .set('Cookie', owner)
        .send(campaignBody({ status: 'active', rules: [likeRule()] }))
        .expect(409);
      expect(bodyOf<Problem>(direct)).toMatchObject({
        code: 'policy_blocked',
        errors: [{ field: 'rules.0' }],
      });
      expect(await list(brandId)).toHaveLength(1);

      // Limited to Instagram the rule is allowed (with a warning), and the campaign can go live.
      const fixed = await patch(brandId, draft.id, {
        status: 'active',
        rules: [
          { id: draft.rules[0]!.id, ...commentRule() },
          { id: likeId, ...likeRule(), trigger: { eventType: 'like', channels: ['instagram'] } },
        ],
      }).expect(200);
      const live = bodyOf<CampaignDto>(fixed);
      expect(live.status).toBe('active');
      expect(live.findings.map((finding) => [finding.severity, finding.policy, finding.ruleId])).toEqual([
        ['warn', 'unverifiable-engagement', likeId],
      ]);

      // And a blocked rule cannot be slipped into a campaign that is live.
      const slipped = await patch(brandId, draft.id, { rules: [commentRule(), likeRule()] }).expect(409);
      expect(bodyOf<Problem>(slipped)).toMatchObject({
        code: 'policy_blocked',
        errors: [{ field: 'rules.1' }],
      });
      expect(await get(brandId, draft.id)).toEqual(live);
    });

    it('returns warnings with an active campaign', async () => {
      const brandId = await newBrand();
      const review: RuleDefinition = {
        name: 'Review',
        trigger: { eventType: 'review' },
        conditions: [],
        award: { kind: 'fixed', points: 50 },
        limits: [],
      };
      const campaign = await create(brandId, { status: 'active', rules: [commentRule(), review] });
      expect(campaign.status).toBe('active');
      expect(campaign.findings).toEqual([
        expect.objectContaining({
          severity: 'warn',
          policy: 'incentivised-reviews',
          ruleId: campaign.rules[1]!.id,
        }),
      ]);
      expect(campaign.rules[1]!.findings).toHaveLength(1);
    });
  });

  describe('rules', () => {
    it('gives an edited rule its next version, keeps every version, and leaves booked points alone', async () => {
      const brandId = await newBrand();
      const campaign = await create(brandId, { status: 'active', rules: [commentRule(), purchaseRule()] });
      const [comment, purchase] = campaign.rules;
      await bookAward(brandId, campaign.id, comment!.id, 1, 10);

      const edited = commentRule({ award: { kind: 'fixed', points: 20 } });
      const response = await patch(brandId, campaign.id, {
        rules: [
          { id: comment!.id, ...edited },
          { id: purchase!.id, ...purchaseRule() },
        ],
      }).expect(200);
      const after = bodyOf<CampaignDto>(response);
      expect(after.rules.map((rule) => [rule.id, rule.version, rule.position])).toEqual([
        [comment!.id, 2, 0],
        [purchase!.id, 1, 1],
      ]);
      expect(after.rules[0]!.definition).toEqual(edited);

      const versions = await t.dataSource.query<Array<{ version: number; definition: RuleDefinition }>>(
        'SELECT version, definition FROM reward_rule_version WHERE brand_id = $1 AND rule_id = $2 ORDER BY version',
        [brandId, comment!.id],
      );
      expect(versions).toEqual([
        { version: 1, definition: commentRule() },
        { version: 2, definition: edited },
      ]);
      const ledger = await t.dataSource.query<Array<{ points: string; rule_version: number }>>(
        'SELECT points, rule_version FROM ledger_entry WHERE brand_id = $1 AND rule_id = $2',
        [brandId, comment!.id],
      );
      expect(ledger).toEqual([{ points: '10', rule_version: 1 }]);

      // The same definition again (keys in another order) is no new version; a move is no new version.
      const reordered = {
        limits: edited.limits,
        award: edited.award,
        conditions: edited.conditions,
        trigger: { channels: ['instagram'], eventType: 'comment' },
        name: edited.name,
      };
      const moved = bodyOf<CampaignDto>(
        await patch(brandId, campaign.id, {
          rules: [
            { id: purchase!.id, ...purchaseRule() },
            { ...reordered, id: comment!.id },
          ],
        }).expect(200),
      );
      expect(moved.rules.map((rule) => [rule.id, rule.version, rule.position])).toEqual([
        [purchase!.id, 1, 0],
        [comment!.id, 2, 1],
      ]);
      const count = await t.dataSource.query<Array<{ n: number }>>(
        'SELECT count(*)::int AS n FROM reward_rule_version WHERE brand_id = $1',
        [brandId],
      );
      expect(count[0]?.n).toBe(3);
    });

    it('soft-deletes rules left out of a PATCH, adds rules without an id, and keeps rules when rules is absent', async () => {
      const brandId = await newBrand();
      const campaign = await create(brandId, { rules: [commentRule(), purchaseRule()] });
      const [comment, purchase] = campaign.rules;

      const renamed = bodyOf<CampaignDto>(await patch(brandId, campaign.id, { name: 'Renamed' }).expect(200));
      expect(renamed.rules).toEqual(campaign.rules);

      const response = await patch(brandId, campaign.id, {
        rules: [{ id: purchase!.id, ...purchaseRule() }, likeRule()],
      }).expect(200);
      const after = bodyOf<CampaignDto>(response);
      expect(after.rules.map((rule) => rule.definition.name)).toEqual(['1 point per euro', 'Like our page']);
      expect(after.rules[1]).toMatchObject({ version: 1, position: 1 });
      expect(after.rules.map((rule) => rule.id)).not.toContain(comment!.id);

      const rows = await t.dataSource.query<Array<{ id: string; deleted: boolean }>>(
        'SELECT id, deleted_at IS NOT NULL AS deleted FROM reward_rule WHERE brand_id = $1 AND id = $2',
        [brandId, comment!.id],
      );
      expect(rows).toEqual([{ id: comment!.id, deleted: true }]);
      const versions = await t.dataSource.query<unknown[]>(
        'SELECT 1 FROM reward_rule_version WHERE brand_id = $1 AND rule_id = $2',
        [brandId, comment!.id],
      );
      expect(versions).toHaveLength(1);

      // A removed rule cannot be named again, nor can a rule of another campaign.
      const other = await create(brandId);
      for (const id of [comment!.id, other.rules[0]!.id, randomUUID(), 'rule-1']) {
        const refused = await patch(brandId, campaign.id, { rules: [{ id, ...commentRule() }] }).expect(400);
        expect(bodyOf<Problem>(refused).errors).toEqual([
          { field: 'rules.0.id', reason: expect.any(String) as unknown },
        ]);
      }
      const twice = await patch(brandId, campaign.id, {
        rules: [
          { id: purchase!.id, ...purchaseRule() },
          { id: purchase!.id, ...purchaseRule() },
        ],
      }).expect(400);
      expect(bodyOf<Problem>(twice).errors?.map((error) => error.field)).toEqual(['rules.1.id']);
      expect((await get(brandId, campaign.id)).rules).toEqual(after.rules);

      // An empty list removes them all.
      const emptied = bodyOf<CampaignDto>(await patch(brandId, campaign.id, { rules: [] }).expect(200));
      expect(emptied.rules).toEqual([]);
    });
  });

  describe('status', () => {
    it('moves through draft, active, paused and ended, and ended is final', async () => {
      const brandId = await newBrand();
      const campaign = await create(brandId, { status: 'draft' });
      const steps: Array<[string, number]> = [
        ['ended', 409],
        ['active', 200],
        ['draft', 409],
        ['paused', 200],
        ['active', 200],
        ['active', 200],
        ['ended', 200],
        ['active', 409],
        ['paused', 409],
        ['draft', 409],
        ['ended', 200],
      ];
      for (const [status, expected] of steps) {
        const response = await patch(brandId, campaign.id, { status });
        expect({ status, answer: response.status }).toEqual({ status, answer: expected });
        if (expected === 409) expect(bodyOf<Problem>(response).code).toBe('invalid_transition');
      }
      expect((await get(brandId, campaign.id)).status).toBe('ended');
      // Its texts may still change.
      await patch(brandId, campaign.id, { description: 'Thanks to everyone who took part' }).expect(200);
    });

    it('reads a campaign past its endsAt as ended, and keeps it ended', async () => {
      const brandId = await newBrand();
      const campaign = await create(brandId, {
        status: 'active',
        startsAt: iso(-10 * DAY),
        endsAt: iso(DAY),
      });
      await t.dataSource.query(
        "UPDATE campaign SET ends_at = now() - interval '1 minute' WHERE brand_id = $1 AND id = $2",
        [brandId, campaign.id],
      );
      expect((await get(brandId, campaign.id)).status).toBe('ended');
      expect((await list(brandId, { status: 'ended' })).map((c) => c.id)).toEqual([campaign.id]);
      expect(await list(brandId, { status: 'active' })).toEqual([]);

      const reopen = await patch(brandId, campaign.id, { endsAt: iso(DAY) }).expect(409);
      expect(bodyOf<Problem>(reopen).code).toBe('invalid_transition');
      await patch(brandId, campaign.id, { status: 'paused' }).expect(409);
      await patch(brandId, campaign.id, { status: 'ended' }).expect(200);
    });

    it('refuses to make a campaign active or paused once its endsAt has passed; drafts may hold any dates', async () => {
      const brandId = await newBrand();
      const past = { startsAt: iso(-10 * DAY), endsAt: iso(-DAY) };
      for (const status of ['active', 'paused']) {
        const response = await t
          .http()
          .post(`/api/v1/brands/${brandId}/campaigns`)
          .set('Cookie', owner)
          .send(campaignBody({ ...past, status }))
          .expect(409);
        expect(bodyOf<Problem>(response)).toMatchObject({
          code: 'invalid_transition',
          errors: [{ field: 'endsAt' }],
        });
      }
      const draft = await create(brandId, { ...past, status: 'draft' });
      expect(draft.status).toBe('draft');
      const refused = await patch(brandId, draft.id, { status: 'active' }).expect(409);
      expect(bodyOf<Problem>(refused)).toMatchObject({
        code: 'invalid_transition',
        errors: [{ field: 'endsAt' }],
      });
      const live = await patch(brandId, draft.id, { status: 'active', endsAt: null }).expect(200);
      expect(bodyOf<CampaignDto>(live)).toMatchObject({ status: 'active', endsAt: null });
    });

    it('checks the schedule and the budget on PATCH', async () => {
      const brandId = await newBrand();
      const campaign = await create(brandId, { status: 'active', budgetPoints: 100, endsAt: iso(10 * DAY) });
      const early = await patch(brandId, campaign.id, { startsAt: iso(20 * DAY) }).expect(400);
      expect(bodyOf<Problem>(early).errors?.map((error) => error.field)).toEqual(['endsAt']);

      await bookAward(brandId, campaign.id, campaign.rules[0]!.id, 1, 40);
      await t.dataSource.query('UPDATE campaign SET points_issued = 40 WHERE brand_id = $1 AND id = $2', [
        brandId,
        campaign.id,
      ]);
      expect(await get(brandId, campaign.id)).toMatchObject({
        budgetPoints: 100,
        pointsIssued: 40,
        budgetLeft: 60,
      });
      const low = await patch(brandId, campaign.id, { budgetPoints: 39 }).expect(409);
      expect(bodyOf<Problem>(low)).toMatchObject({
        code: 'budget_below_issued',
        errors: [{ field: 'budgetPoints' }],
      });
      await patch(brandId, campaign.id, { budgetPoints: 40 }).expect(200);
      const open = bodyOf<CampaignDto>(await patch(brandId, campaign.id, { budgetPoints: null }).expect(200));
      expect(open).toMatchObject({ budgetPoints: null, budgetLeft: null, pointsIssued: 40 });
    });
  });

  describe('delete', () => {
    it('deletes a campaign that never booked points, with its rules', async () => {
      const brandId = await newBrand();
      const campaign = await create(brandId, { status: 'active' });
      const response = await t
        .http()
        .delete(`/api/v1/brands/${brandId}/campaigns/${campaign.id}`)
        .set('Cookie', owner)
        .expect(204);
      expect(response.text).toBe('');
      await t
        .http()
        .get(`/api/v1/brands/${brandId}/campaigns/${campaign.id}`)
        .set('Cookie', owner)
        .expect(404);
      const rules = await t.dataSource.query<unknown[]>('SELECT 1 FROM reward_rule WHERE brand_id = $1', [
        brandId,
      ]);
      expect(rules).toEqual([]);
      const [entry] = await auditLog(brandId, 'campaign.deleted');
      expect(entry).toMatchObject({
        targetType: 'campaign',
        targetId: campaign.id,
        targetLabel: campaign.name,
        changes: { name: { from: campaign.name }, status: { from: 'active' } },
      });
      await t
        .http()
        .delete(`/api/v1/brands/${brandId}/campaigns/${campaign.id}`)
        .set('Cookie', owner)
        .expect(404);
    });

    it('refuses to delete a campaign that booked points: end it instead', async () => {
      const brandId = await newBrand();
      const withEntry = await create(brandId, { status: 'active' });
      await bookAward(brandId, withEntry.id, withEntry.rules[0]!.id, 1, 10);
      const withIssued = await create(brandId, { status: 'active' });
      await t.dataSource.query('UPDATE campaign SET points_issued = 5 WHERE brand_id = $1 AND id = $2', [
        brandId,
        withIssued.id,
      ]);
      for (const campaign of [withEntry, withIssued]) {
        const response = await t
          .http()
          .delete(`/api/v1/brands/${brandId}/campaigns/${campaign.id}`)
          .set('Cookie', owner)
          .expect(409);
        expect(bodyOf<Problem>(response).code).toBe('campaign_has_awards');
        expect(bodyOf<Problem>(response).detail).toMatch(/end it/);
        await patch(brandId, campaign.id, { status: 'ended' }).expect(200);
      }
      expect(await list(brandId, { status: 'ended' })).toHaveLength(2);
      expect(await auditLog(brandId, 'campaign.deleted')).toEqual([]);
    });
  });

  describe('access', () => {
    it('lets analysts read, and only owners and managers write', async () => {
      const brandId = await newBrand();
      const analyst = await addMember(t, owner, brandId, uniqueEmail('analyst'), 'analyst');
      const manager = await addMember(t, owner, brandId, uniqueEmail('manager'), 'manager');
      const campaign = await create(brandId);

      await t.http().get(`/api/v1/brands/${brandId}/campaigns`).set('Cookie', analyst.cookie).expect(200);
      await t
        .http()
        .get(`/api/v1/brands/${brandId}/campaigns/${campaign.id}`)
        .set('Cookie', analyst.cookie)
        .expect(200);
      for (const request of [
        t.http().post(`/api/v1/brands/${brandId}/campaigns`).send(campaignBody()),
        t.http().patch(`/api/v1/brands/${brandId}/campaigns/${campaign.id}`).send({ name: 'Analysed' }),
        t.http().delete(`/api/v1/brands/${brandId}/campaigns/${campaign.id}`),
      ]) {
        const response = await request.set('Cookie', analyst.cookie).expect(403);
        expect(bodyOf<Problem>(response).code).toBe('insufficient_role');
      }
      expect(await get(brandId, campaign.id)).toEqual(campaign);

      const made = await create(brandId, {}, manager.cookie);
      await patch(brandId, made.id, { status: 'active' }, manager.cookie).expect(200);
      await t
        .http()
        .delete(`/api/v1/brands/${brandId}/campaigns/${campaign.id}`)
        .set('Cookie', manager.cookie)
        .expect(204);
      expect((await list(brandId)).map((c) => c.id)).toEqual([made.id]);
    });

    it("answers 404 for another brand's campaigns and for ids that name nothing", async () => {
      const brandA = await newBrand();
      const brandB = await newBrand();
      const campaign = await create(brandA);
      for (const path of [
        `/api/v1/brands/${brandB}/campaigns/${campaign.id}`,
        `/api/v1/brands/${brandA}/campaigns/${randomUUID()}`,
        `/api/v1/brands/${brandA}/campaigns/not-a-uuid`,
      ]) {
        for (const request of [
          t.http().get(path),
          t.http().patch(path).send({ name: 'Taken over' }),
          t.http().delete(path),
        ]) {
          const response = await request.set('Cookie', owner).expect(404);
          expect(bodyOf<Problem>(response).code).toBe('not_found');
        }
      }
      expect(await list(brandB)).toEqual([]);
      expect(await get(brandA, campaign.id)).toEqual(campaign);

      // A member of another brand only learns that the brand is not theirs.
      const outsider = await addMember(t, owner, brandB, uniqueEmail('outsider'), 'owner');
      await t.http().get(`/api/v1/brands/${brandA}/campaigns`).set('Cookie', outsider.cookie).expect(404);
    });
  });

  describe('audit', () => {
    it('records creation and changes, with top-level fields and rule versions', async () => {
      const brandId = await newBrand();
      const startsAt = iso(-DAY);
      const campaign = await create(brandId, { name: 'Audited', startsAt, budgetPoints: 500 });
      const [created] = await auditLog(brandId, 'campaign.created');
      expect(created).toMatchObject({
        targetType: 'campaign',
        targetId: campaign.id,
        targetLabel: 'Audited',
        changes: {
          name: { to: 'Audited' },
          status: { to: 'draft' },
          startsAt: { to: startsAt },
          budgetPoints: { to: 500 },
          rules: { to: [{ id: campaign.rules[0]!.id, version: 1 }] },
        },
      });

      await patch(brandId, campaign.id, {
        name: 'Audited twice',
        status: 'active',
        rules: [{ id: campaign.rules[0]!.id, ...commentRule({ limits: [] }) }, purchaseRule()],
      }).expect(200);
      const after = await get(brandId, campaign.id);
      const [updated] = await auditLog(brandId, 'campaign.updated');
      expect(updated?.changes).toEqual({
        name: { from: 'Audited', to: 'Audited twice' },
        status: { from: 'draft', to: 'active' },
        rules: {
          from: [{ id: campaign.rules[0]!.id, version: 1 }],
          to: [
            { id: campaign.rules[0]!.id, version: 2 },
            { id: after.rules[1]!.id, version: 1 },
          ],
        },
      });

      // A PATCH that changes nothing writes nothing.
      await patch(brandId, campaign.id, {
        name: 'Audited twice',
        rules: after.rules.map((rule) => ({ id: rule.id, ...rule.definition })),
      }).expect(200);
      expect(await auditLog(brandId, 'campaign.updated')).toHaveLength(1);
    });
  });

  describe('activeRulesFor', () => {
    it('finds the current rules of campaigns running at that time, for that event type', async () => {
      const brandId = await newBrand();
      const service = t.app.get(CampaignsService);
      const now = Date.now();
      const running = await create(brandId, {
        status: 'active',
        startsAt: iso(-DAY),
        endsAt: iso(DAY),
        budgetPoints: 1000,
        rules: [commentRule(), purchaseRule(), commentRule({ name: 'Second comment rule' })],
      });
      const open = await create(brandId, {
        status: 'active',
        startsAt: iso(-2 * DAY),
        rules: [commentRule()],
      });
      await create(brandId, { status: 'draft', rules: [commentRule()] });
      await create(brandId, { status: 'paused', rules: [commentRule()] });
      await create(brandId, { status: 'active', startsAt: iso(DAY), rules: [commentRule()] });
      const ended = await create(brandId, { status: 'active', rules: [commentRule()] });
      await patch(brandId, ended.id, { status: 'ended' }).expect(200);
      // The second comment rule is removed; the first is edited to version 2.
      await patch(brandId, running.id, {
        rules: [
          { id: running.rules[0]!.id, ...commentRule({ award: { kind: 'fixed', points: 15 } }) },
          { id: running.rules[1]!.id, ...purchaseRule() },
        ],
      }).expect(200);
      const otherBrand = await newBrand();
      await create(otherBrand, { status: 'active', rules: [commentRule()] });

      const rules = await service.activeRulesFor(brandId, 'comment', new Date(now));
      expect(rules).toEqual([
        {
          ruleId: open.rules[0]!.id,
          version: 1,
          campaignId: open.id,
          campaignStartsAt: new Date(open.startsAt),
          campaignEndsAt: null,
          budgetPoints: null,
          definition: commentRule(),
        },
        {
          ruleId: running.rules[0]!.id,
          version: 2,
          campaignId: running.id,
          campaignStartsAt: new Date(running.startsAt),
          campaignEndsAt: new Date(running.endsAt!),
          budgetPoints: 1000n,
          definition: commentRule({ award: { kind: 'fixed', points: 15 } }),
        },
      ]);
      expect(
        (await service.activeRulesFor(brandId, 'purchase', new Date(now))).map((rule) => rule.ruleId),
      ).toEqual([running.rules[1]!.id]);
      expect(await service.activeRulesFor(brandId, 'review', new Date(now))).toEqual([]);
      // Before the running campaign started only the open one applies; at its end it no longer does.
      expect(
        (await service.activeRulesFor(brandId, 'comment', new Date(now - 1.5 * DAY))).map(
          (rule) => rule.campaignId,
        ),
      ).toEqual([open.id]);
      expect(
        (await service.activeRulesFor(brandId, 'comment', new Date(running.endsAt!))).map(
          (rule) => rule.campaignId,
        ),
      ).toEqual([open.id]);
    });
  });
});
