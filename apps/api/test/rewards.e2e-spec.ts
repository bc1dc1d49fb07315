import { type AuditEntryDto, type AuditLogPageDto } from '../src/audit/dto/audit-entry.dto';
import { type CodeUploadResultDto } from '../src/rewards/dto/code-upload.dto';
import { type RewardDto, type RewardPageDto } from '../src/rewards/dto/reward.dto';
import { bodyOf, type Problem, PROBLEM, tag } from './support/http';
import { addMember, createBrand, login } from './support/sessions';
import { startTestApp, type TestApp } from './support/test-app';

const DAY = 24 * 60 * 60 * 1000;

function iso(offsetMs: number): string {
  return new Date(Date.now() + offsetMs).toISOString();
}

const coupon = {
  nameDe: 'Gratis Kaffee',
  nameEn: 'Free coffee',
  costPoints: 150,
  kind: 'coupon',
};
const download = {
  nameDe: 'Rezeptbuch',
  nameEn: 'Recipe book',
  costPoints: 300,
  kind: 'download',
  downloadUrl: 'https://cdn.example.com/recipes.pdf',
};
const physical = {
  nameDe: 'Stofftasche',
  nameEn: 'Tote bag',
  costPoints: 500,
  kind: 'physical',
  stock: 20,
};
const custom = {
  nameDe: 'Backkurs',
  nameEn: 'Baking class',
  costPoints: 2000,
  kind: 'custom',
};

describe('rewards', () => {
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
    return createBrand(t, owner, `Prämien ${tag()}`);
  }

  function post(brandId: string, body: object, cookie = owner) {
    return t.http().post(`/api/v1/brands/${brandId}/rewards`).set('Cookie', cookie).send(body);
  }

  async function create(brandId: string, body: object): Promise<RewardDto> {
    const response = await post(brandId, body);
    expect({ status: response.status, body: response.body as unknown }).toMatchObject({ status: 201 });
    return bodyOf<RewardDto>(response);
  }

  function patch(brandId: string, rewardId: string, body: object, cookie = owner) {
    return t.http().patch(`/api/v1/brands/${brandId}/rewards/${rewardId}`).set('Cookie', cookie).send(body);
  }

  async function get(brandId: string, rewardId: string, cookie = owner): Promise<RewardDto> {
    return bodyOf<RewardDto>(
      await t.http().get(`/api/v1/brands/${brandId}/rewards/${rewardId}`).set('Cookie', cookie).expect(200),
    );
  }

  async function list(brandId: string, query: Record<string, string | number> = {}): Promise<RewardPageDto> {
    return bodyOf<RewardPageDto>(
      await t.http().get(`/api/v1/brands/${brandId}/rewards`).query(query).set('Cookie', owner).expect(200),
    );
  }

  function upload(brandId: string, rewardId: string, contentType: string, body: string, cookie = owner) {
    return t
      .http()
      .post(`/api/v1/brands/${brandId}/rewards/${rewardId}/codes`)
      .set('Cookie', cookie)
      .set('Content-Type', contentType)
      .send(body);
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

  async function storedCodes(brandId: string, rewardId: string): Promise<string[]> {
    const rows = await t.dataSource.query<Array<{ code: string }>>(
      'SELECT code FROM reward_code WHERE brand_id = $1 AND reward_id = $2 ORDER BY code',
      [brandId, rewardId],
    );
    return rows.map((row) => row.code);
  }

  async function rewardCount(brandId: string): Promise<number> {
    const [row] = await t.dataSource.query<Array<{ n: string }>>(
      'SELECT count(*) AS n FROM reward WHERE brand_id = $1',
      [brandId],
    );
    return Number(row?.n);
  }

  async function setLadder(brandId: string): Promise<void> {
    await t
      .http()
      .put(`/api/v1/brands/${brandId}/tiers`)
      .set('Cookie', owner)
      .send({
        basis: 'lifetime',
        tiers: [
          { name: 'Bronze', threshold: 0, multiplier: 1 },
          { name: 'Gold', threshold: 1000, multiplier: 1.5 },
        ],
      })
      .expect(200);
  }

  describe('create and read', () => {
    it('creates each kind, in catalogue order, and answers it the same from get and list', async () => {
      const brandId = await newBrand();
      await setLadder(brandId);
      const from = iso(-DAY);
      const until = iso(30 * DAY);
      const created = [
        await create(brandId, {
          ...coupon,
          nameDe: '  Gratis Kaffee  ',
          descriptionDe: 'Ein Kaffee nach Wahl',
          descriptionEn: 'A coffee of your choice',
          imageUrl: 'https://cdn.example.com/coffee.png',
          perFanLimit: 1,
          perFanPeriod: 'month',
          lowStockThreshold: 10,
        }),
        await create(brandId, download),
        await create(brandId, { ...physical, availableFrom: from, availableUntil: until }),
        await create(brandId, { ...custom, minTier: 'Gold', active: false }),
      ];
      expect(created[0]).toEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/) as unknown,
        nameDe: 'Gratis Kaffee',
        nameEn: 'Free coffee',
        descriptionDe: 'Ein Kaffee nach Wahl',
        descriptionEn: 'A coffee of your choice',
        imageUrl: 'https://cdn.example.com/coffee.png',
        costPoints: 150,
        kind: 'coupon',
        downloadUrl: null,
        stock: null,
        perFanLimit: 1,
        perFanPeriod: 'month',
        minTier: null,
        availableFrom: null,
        availableUntil: null,
        active: true,
        lowStockThreshold: 10,
        position: 0,
        codesAvailable: 0,
        codesAssigned: 0,
        stockLeft: 0,
        lowStock: true,
        createdAt: expect.any(String) as unknown,
        updatedAt: expect.any(String) as unknown,
      });
      expect(created[1]).toMatchObject({
        kind: 'download',
        downloadUrl: download.downloadUrl,
        descriptionDe: '',
        codesAvailable: null,
        codesAssigned: null,
        stockLeft: null,
        lowStock: false,
        position: 1,
      });
      expect(created[2]).toMatchObject({
        kind: 'physical',
        stock: 20,
        stockLeft: 20,
        availableFrom: from,
        availableUntil: until,
        position: 2,
      });
      expect(created[3]).toMatchObject({ kind: 'custom', minTier: 'Gold', active: false, position: 3 });

      for (const reward of created) {
        expect(await get(brandId, reward.id)).toEqual(reward);
      }
      const page = await list(brandId);
      expect(page).toEqual({ items: created, nextCursor: null });
      expect((await list(brandId, { active: 'false' })).items.map((r) => r.nameEn)).toEqual(['Baking class']);
      expect((await list(brandId, { active: 'true' })).items).toHaveLength(3);
      await t.http().get(`/api/v1/brands/${brandId}/rewards?active=yes`).set('Cookie', owner).expect(400);
    });

    it('pages by position, then creation', async () => {
      const brandId = await newBrand();
      const first = await create(brandId, { ...custom, nameEn: 'First', position: 5 });
      const second = await create(brandId, { ...custom, nameEn: 'Second', position: 5 });
      const top = await create(brandId, { ...custom, nameEn: 'Top', position: 0 });
      const last = await create(brandId, { ...custom, nameEn: 'Last' });
      expect(last.position).toBe(6);
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: RewardPageDto = await list(brandId, { limit: 1, ...(cursor ? { cursor } : {}) });
        seen.push(...page.items.map((reward) => reward.id));
        cursor = page.nextCursor;
      } while (cursor !== null);
      expect(seen).toEqual([top.id, first.id, second.id, last.id]);
      await t
        .http()
        .get(`/api/v1/brands/${brandId}/rewards?cursor=not-a-cursor`)
        .set('Cookie', owner)
        .expect(400);
    });

    it('answers 404 for unknown rewards, ids that are no uuid, and rewards of other brands', async () => {
      const brandId = await newBrand();
      const other = await newBrand();
      const reward = await create(brandId, custom);
      for (const path of [
        `/api/v1/brands/${brandId}/rewards/0190a8f2-7b1c-7c3d-8e4f-5a6b7c8d9e0f`,
        `/api/v1/brands/${brandId}/rewards/not-an-id`,
        `/api/v1/brands/${other}/rewards/${reward.id}`,
      ]) {
        const response = await t.http().get(path).set('Cookie', owner).expect(404);
        expect(response.headers['content-type']).toMatch(PROBLEM);
      }
      await patch(other, reward.id, { costPoints: 1 }).expect(404);
      await upload(other, reward.id, 'text/plain', 'A\n').expect(404);
    });
  });

  describe('validation', () => {
    const cases: Array<[string, object, string[]]> = [
      ['a negative cost', { ...physical, costPoints: -5 }, ['costPoints']],
      ['a cost of zero', { ...physical, costPoints: 0 }, ['costPoints']],
      ['a download without a URL', { ...download, downloadUrl: undefined }, ['downloadUrl']],
      [
        'a URL on a physical reward',
        { ...physical, downloadUrl: 'https://example.com/x.pdf' },
        ['downloadUrl'],
      ],
      [
        'a download URL that is not https',
        { ...download, downloadUrl: 'http://example.com/x.pdf' },
        ['downloadUrl'],
      ],
      ['an image URL that is no URL', { ...physical, imageUrl: 'javascript:alert(1)' }, ['imageUrl']],
      [
        'until before from',
        { ...physical, availableFrom: iso(DAY), availableUntil: iso(-DAY) },
        ['availableUntil'],
      ],
      ['a limit without a period', { ...physical, perFanLimit: 2 }, ['perFanPeriod']],
      ['a period without a limit', { ...physical, perFanPeriod: 'month' }, ['perFanPeriod']],
      ['an unknown period', { ...physical, perFanLimit: 2, perFanPeriod: 'week' }, ['perFanPeriod']],
      ['stock on a coupon', { ...coupon, stock: 10 }, ['stock']],
      ['a negative stock', { ...physical, stock: -1 }, ['stock']],
      ['an unknown kind', { ...physical, kind: 'voucher' }, ['kind']],
      ['blank names', { ...physical, nameDe: '  ', nameEn: 'x'.repeat(101) }, ['nameDe', 'nameEn']],
      ['a long description', { ...physical, descriptionEn: 'x'.repeat(2001) }, ['descriptionEn']],
      ['an unknown tier', { ...physical, minTier: 'Platinum' }, ['minTier']],
      ['unknown fields', { ...physical, price: 5, stockLeft: 3 }, ['price', 'stockLeft']],
    ];

    it.each(cases)(
      'refuses %s with a 400 naming the fields, and stores nothing',
      async (_what, body, fields) => {
        const brandId = await newBrand();
        await setLadder(brandId);
        const response = await post(brandId, body).expect(400);
        expect(response.headers['content-type']).toMatch(PROBLEM);
        const problem = bodyOf<Problem>(response);
        expect(problem.code).toBe('validation_failed');
        expect([...new Set(problem.errors!.map((error) => error.field))].sort()).toEqual([...fields].sort());
        expect(await rewardCount(brandId)).toBe(0);
        expect(await auditLog(brandId, 'reward.created')).toEqual([]);
      },
    );

    it('names the tiers a minimum tier can be, and that a brand without a ladder has none', async () => {
      const brandId = await newBrand();
      const without = bodyOf<Problem>(await post(brandId, { ...physical, minTier: 'Gold' }).expect(400));
      expect(without.errors).toEqual([
        { field: 'minTier', reason: expect.stringContaining('no tier') as unknown },
      ]);
      await setLadder(brandId);
      const unknown = bodyOf<Problem>(await post(brandId, { ...physical, minTier: 'gold' }).expect(400));
      expect(unknown.errors).toEqual([
        { field: 'minTier', reason: expect.stringContaining('Bronze, Gold') as unknown },
      ]);
    });
  });

  describe('changes', () => {
    it('changes only the fields given, clears with null, and audits what changed', async () => {
      const brandId = await newBrand();
      await setLadder(brandId);
      const reward = await create(brandId, {
        ...physical,
        descriptionDe: 'Baumwolle',
        imageUrl: 'https://cdn.example.com/bag.png',
        perFanLimit: 1,
        perFanPeriod: 'lifetime',
        minTier: 'Gold',
        availableFrom: iso(-DAY),
        availableUntil: iso(DAY),
        lowStockThreshold: 3,
      });
      const changed = bodyOf<RewardDto>(
        await patch(brandId, reward.id, {
          costPoints: 450,
          descriptionDe: null,
          imageUrl: null,
          stock: null,
          perFanLimit: null,
          perFanPeriod: null,
          minTier: null,
          availableFrom: null,
          availableUntil: null,
          lowStockThreshold: null,
        }).expect(200),
      );
      expect(changed).toEqual({
        ...reward,
        costPoints: 450,
        descriptionDe: '',
        imageUrl: null,
        stock: null,
        stockLeft: null,
        perFanLimit: null,
        perFanPeriod: null,
        minTier: null,
        availableFrom: null,
        availableUntil: null,
        lowStockThreshold: null,
        updatedAt: expect.any(String) as unknown,
      });
      expect(await get(brandId, reward.id)).toEqual(changed);

      const [entry] = await auditLog(brandId, 'reward.updated');
      expect(entry).toMatchObject({ targetType: 'reward', targetId: reward.id, targetLabel: 'Stofftasche' });
      expect(Object.keys(entry!.changes).sort()).toEqual(
        [
          'availableFrom',
          'availableUntil',
          'costPoints',
          'descriptionDe',
          'imageUrl',
          'lowStockThreshold',
          'minTier',
          'perFanLimit',
          'perFanPeriod',
          'stock',
        ].sort(),
      );
      expect(entry!.changes.costPoints).toEqual({ from: 500, to: 450 });
      expect(await auditLog(brandId, 'reward.created')).toHaveLength(1);

      // The same values again change nothing and record nothing.
      await patch(brandId, reward.id, { costPoints: 450, nameEn: 'Tote bag' }).expect(200);
      expect(await auditLog(brandId, 'reward.updated')).toHaveLength(1);
    });

    it('checks the result as a whole, and refuses null for fields that need a value', async () => {
      const brandId = await newBrand();
      const reward = await create(brandId, { ...physical, availableFrom: iso(DAY) });
      const checks: Array<[object, string[]]> = [
        [{ kind: 'download' }, ['downloadUrl']],
        [{ kind: 'coupon' }, ['stock']],
        [{ availableUntil: iso(0) }, ['availableUntil']],
        [{ perFanLimit: 3 }, ['perFanPeriod']],
        [
          { nameDe: null, costPoints: null, kind: null, active: null },
          ['active', 'costPoints', 'kind', 'nameDe'],
        ],
        [{ id: reward.id }, ['id']],
      ];
      for (const [body, fields] of checks) {
        const problem = bodyOf<Problem>(await patch(brandId, reward.id, body).expect(400));
        expect([...new Set(problem.errors!.map((error) => error.field))].sort()).toEqual(fields);
      }
      expect(await get(brandId, reward.id)).toEqual(reward);

      const asDownload = bodyOf<RewardDto>(
        await patch(brandId, reward.id, {
          kind: 'download',
          downloadUrl: 'https://cdn.example.com/bag.pdf',
          stock: null,
        }).expect(200),
      );
      expect(asDownload).toMatchObject({ kind: 'download', stock: null, stockLeft: null });
      const asCoupon = bodyOf<RewardDto>(
        await patch(brandId, reward.id, { kind: 'coupon', downloadUrl: null }).expect(200),
      );
      expect(asCoupon).toMatchObject({
        kind: 'coupon',
        downloadUrl: null,
        codesAvailable: 0,
        codesAssigned: 0,
      });
    });

    it('keeps the kind of a reward that has codes', async () => {
      const brandId = await newBrand();
      const reward = await create(brandId, coupon);
      await upload(brandId, reward.id, 'text/plain', 'K-1\nK-2\n').expect(200);
      const refused = await patch(brandId, reward.id, { kind: 'custom' }).expect(409);
      expect(refused.headers['content-type']).toMatch(PROBLEM);
      expect(bodyOf<Problem>(refused)).toMatchObject({
        code: 'reward_has_codes',
        errors: [{ field: 'kind' }],
      });
      expect((await get(brandId, reward.id)).kind).toBe('coupon');
      // Other fields still change.
      await patch(brandId, reward.id, { kind: 'coupon', costPoints: 99 }).expect(200);
      expect((await get(brandId, reward.id)).costPoints).toBe(99);
    });

    it('flips lowStock at the threshold, for stock and for code pools', async () => {
      const brandId = await newBrand();
      const bag = await create(brandId, { ...physical, stock: 5, lowStockThreshold: 3 });
      expect(bag).toMatchObject({ stockLeft: 5, lowStock: false });
      expect(bodyOf<RewardDto>(await patch(brandId, bag.id, { stock: 4 }).expect(200)).lowStock).toBe(false);
      expect(bodyOf<RewardDto>(await patch(brandId, bag.id, { stock: 3 }).expect(200)).lowStock).toBe(true);
      expect(
        bodyOf<RewardDto>(await patch(brandId, bag.id, { lowStockThreshold: null }).expect(200)).lowStock,
      ).toBe(false);

      const coffee = await create(brandId, { ...coupon, lowStockThreshold: 2 });
      expect(coffee).toMatchObject({ stockLeft: 0, lowStock: true });
      await upload(brandId, coffee.id, 'text/plain', 'C-1\nC-2\nC-3\n').expect(200);
      expect(await get(brandId, coffee.id)).toMatchObject({
        codesAvailable: 3,
        codesAssigned: 0,
        stockLeft: 3,
        lowStock: false,
      });
      // A redemption takes a code (redemptions come later; this is what they will write).
      await t.dataSource.query(
        `UPDATE reward_code SET assigned_at = now()
          WHERE brand_id = $1 AND reward_id = $2 AND code = 'C-1'`,
        [brandId, coffee.id],
      );
      expect(await get(brandId, coffee.id)).toMatchObject({
        codesAvailable: 2,
        codesAssigned: 1,
        stockLeft: 2,
        lowStock: true,
      });
    });
  });

  describe('access', () => {
    it('lets analysts read without the download link, but not write; API keys cannot write', async () => {
      const brandId = await newBrand();
      const book = await create(brandId, download);
      const bag = await create(brandId, physical);
      const analyst = await addMember(t, owner, brandId, `analyst-${tag()}@example.com`, 'analyst');
      const manager = await addMember(t, owner, brandId, `manager-${tag()}@example.com`, 'manager');

      const seen = await get(brandId, book.id, analyst.cookie);
      expect(seen).not.toHaveProperty('downloadUrl');
      const { downloadUrl, ...withoutLink } = book;
      expect(downloadUrl).toBe(download.downloadUrl);
      expect(seen).toEqual(withoutLink);
      const listed = await t
        .http()
        .get(`/api/v1/brands/${brandId}/rewards`)
        .set('Cookie', analyst.cookie)
        .expect(200);
      expect(JSON.stringify(listed.body)).not.toContain('recipes.pdf');

      expect((await get(brandId, book.id, manager.cookie)).downloadUrl).toBe(download.downloadUrl);
      await post(brandId, custom, manager.cookie).expect(201);

      await post(brandId, custom, analyst.cookie).expect(403);
      await patch(brandId, bag.id, { stock: 1 }, analyst.cookie).expect(403);
      const couponReward = await create(brandId, coupon);
      await upload(brandId, couponReward.id, 'text/plain', 'A-1\n', analyst.cookie).expect(403);

      const key = bodyOf<{ secret: string }>(
        await t
          .http()
          .post(`/api/v1/brands/${brandId}/api-keys`)
          .set('Cookie', owner)
          .send({ name: 'Shop', scopes: ['events:write', 'fans:read', 'fans:write', 'reports:read'] })
          .expect(201),
      ).secret;
      const bearer = { Authorization: `Bearer ${key}` };
      await t.http().post(`/api/v1/brands/${brandId}/rewards`).set(bearer).send(custom).expect(403);
      await t
        .http()
        .patch(`/api/v1/brands/${brandId}/rewards/${bag.id}`)
        .set(bearer)
        .send({ stock: 1 })
        .expect(403);
      await t
        .http()
        .post(`/api/v1/brands/${brandId}/rewards/${couponReward.id}/codes`)
        .set(bearer)
        .set('Content-Type', 'text/plain')
        .send('A-1\n')
        .expect(403);
      await t.http().get(`/api/v1/brands/${brandId}/rewards/${book.id}`).set(bearer).expect(403);

      expect((await get(brandId, bag.id)).stock).toBe(20);
      expect(await storedCodes(brandId, couponReward.id)).toEqual([]);
      expect(await rewardCount(brandId)).toBe(4);
    });
  });

  describe('coupon codes', () => {
    it('reads plain text: trims, skips blanks, stores repeats once and rejects what cannot be a code', async () => {
      const brandId = await newBrand();
      const reward = await create(brandId, coupon);
      const tooLong = 'L'.repeat(201);
      const response = await upload(
        brandId,
        reward.id,
        'text/plain; charset=utf-8',
        ['  K-1  ', 'K-2', '', 'K-1', '   ', tooLong, 'K-3', 'K-2'].join('\n'),
      ).expect(200);
      expect(bodyOf<CodeUploadResultDto>(response)).toEqual({
        added: 3,
        duplicatesInUpload: { count: 2, sample: ['K-1', 'K-2'] },
        alreadyStored: { count: 0, sample: [] },
        blankLines: 2,
        rejected: [{ line: 6, reason: 'is longer than 200 characters' }],
        rejectedCount: 1,
        codesAvailable: 3,
        codesAssigned: 0,
      });
      expect(await storedCodes(brandId, reward.id)).toEqual(['K-1', 'K-2', 'K-3']);
      expect(await get(brandId, reward.id)).toMatchObject({
        codesAvailable: 3,
        codesAssigned: 0,
        stockLeft: 3,
      });
    });

    it('reads CSV with a header, and reports codes stored by an earlier upload', async () => {
      const brandId = await newBrand();
      const reward = await create(brandId, coupon);
      await upload(brandId, reward.id, 'text/plain', 'K-1\nK-2\n').expect(200);
      const csv = 'code,note\r\nK-2,again\r\n"K-3",new\r\n\r\nK-4;semicolon\r\nK-3,twice\r\n';
      const result = bodyOf<CodeUploadResultDto>(
        await upload(brandId, reward.id, 'text/csv', csv).expect(200),
      );
      expect(result).toEqual({
        added: 2,
        duplicatesInUpload: { count: 1, sample: ['K-3'] },
        alreadyStored: { count: 1, sample: ['K-2'] },
        blankLines: 1,
        rejected: [],
        rejectedCount: 0,
        codesAvailable: 4,
        codesAssigned: 0,
      });
      expect(await storedCodes(brandId, reward.id)).toEqual(['K-1', 'K-2', 'K-3', 'K-4']);

      const json = bodyOf<CodeUploadResultDto>(
        await t
          .http()
          .post(`/api/v1/brands/${brandId}/rewards/${reward.id}/codes`)
          .set('Cookie', owner)
          .send({ codes: ['K-4', 'K-5', ' '] })
          .expect(200),
      );
      expect(json).toMatchObject({ added: 1, alreadyStored: { count: 1, sample: ['K-4'] }, blankLines: 1 });
    });

    it('stores each code once when the same file is uploaded five times at once', async () => {
      const brandId = await newBrand();
      const reward = await create(brandId, coupon);
      const codes = Array.from({ length: 2000 }, (_, i) => `PAR-${String(i).padStart(5, '0')}`);
      const file = `code\n${[...codes].reverse().join('\n')}\n`;
      const responses = await Promise.all(
        Array.from({ length: 5 }, () =>
          fetch(`${t.url}/api/v1/brands/${brandId}/rewards/${reward.id}/codes`, {
            method: 'POST',
            headers: { 'content-type': 'text/csv', cookie: owner },
            body: file,
          }),
        ),
      );
      expect(responses.map((response) => response.status)).toEqual([200, 200, 200, 200, 200]);
      const results = await Promise.all(
        responses.map(async (response) => (await response.json()) as CodeUploadResultDto),
      );
      expect(results.reduce((sum, result) => sum + result.added, 0)).toBe(codes.length);
      for (const result of results) {
        expect(result.added + result.alreadyStored.count).toBe(codes.length);
      }
      expect(await storedCodes(brandId, reward.id)).toEqual(codes);
      expect(await get(brandId, reward.id)).toMatchObject({ codesAvailable: codes.length });
      const entries = await auditLog(brandId, 'reward.codes_uploaded');
      expect(entries.reduce((sum, entry) => sum + Number(entry.changes.added?.to), 0)).toBe(codes.length);
    });

    it('records uploads in the audit log by their counts, never the codes', async () => {
      const brandId = await newBrand();
      const reward = await create(brandId, coupon);
      await upload(brandId, reward.id, 'text/plain', 'SECRET-ONE\nSECRET-TWO\n\nSECRET-ONE\n').expect(200);
      const entries = await auditLog(brandId, 'reward.codes_uploaded');
      expect(entries).toHaveLength(1);
      expect(entries[0]).toMatchObject({
        targetType: 'reward',
        targetId: reward.id,
        changes: {
          added: { to: 2 },
          duplicatesInUpload: { to: 1 },
          alreadyStored: { to: 0 },
          blankLines: { to: 1 },
          rejected: { to: 0 },
          codesAvailable: { to: 2 },
        },
      });
      const [row] = await t.dataSource.query<Array<{ n: string }>>(
        `SELECT count(*) AS n FROM audit_log WHERE brand_id = $1 AND (changes::text LIKE '%SECRET%' OR target_label LIKE '%SECRET%')`,
        [brandId],
      );
      expect(Number(row?.n)).toBe(0);
      // A repeat stores nothing, so there is nothing to record.
      await upload(brandId, reward.id, 'text/plain', 'SECRET-ONE\n').expect(200);
      expect(await auditLog(brandId, 'reward.codes_uploaded')).toHaveLength(1);
    });

    it('refuses empty, blank and entirely invalid uploads, and stores nothing', async () => {
      const brandId = await newBrand();
      const reward = await create(brandId, coupon);
      for (const [type, body] of [
        ['text/plain', ''],
        ['text/plain', '\n  \n\n'],
        ['text/csv', 'code\n'],
      ] as const) {
        const response = await upload(brandId, reward.id, type, body).expect(400);
        expect(response.headers['content-type']).toMatch(PROBLEM);
        expect(bodyOf<Problem>(response).detail).toContain('no codes');
      }
      const invalid = await upload(brandId, reward.id, 'text/plain', `${'x'.repeat(201)}\nA\u0007B\n`).expect(
        400,
      );
      expect(bodyOf<Problem>(invalid).errors).toEqual([
        { field: '', reason: 'line 1: the code is longer than 200 characters' },
        {
          field: '',
          reason: expect.stringMatching(/^line 2: the code contains a control character/) as unknown,
        },
      ]);
      const json = await t
        .http()
        .post(`/api/v1/brands/${brandId}/rewards/${reward.id}/codes`)
        .set('Cookie', owner)
        .send({ codes: [42] })
        .expect(400);
      expect(bodyOf<Problem>(json).errors).toEqual([{ field: 'codes.0', reason: 'is not a text' }]);
      await t
        .http()
        .post(`/api/v1/brands/${brandId}/rewards/${reward.id}/codes`)
        .set('Cookie', owner)
        .send({ codes: ['A'], more: 1 })
        .expect(400);
      const malformed = await upload(brandId, reward.id, 'text/csv', 'A-1\n"A-2\n').expect(400);
      expect(bodyOf<Problem>(malformed).errors![0]!.reason).toMatch(/CSV cannot be read at line/);

      expect(await storedCodes(brandId, reward.id)).toEqual([]);
      expect(await auditLog(brandId, 'reward.codes_uploaded')).toEqual([]);
    });

    it('refuses more than 100,000 codes in one upload', async () => {
      const brandId = await newBrand();
      const reward = await create(brandId, coupon);
      const body = Array.from({ length: 100_001 }, (_, i) => i.toString(36)).join('\n');
      expect(body.length).toBeLessThan(t.config.bodyLimitBytes);
      const response = await upload(brandId, reward.id, 'text/plain', body).expect(413);
      expect(response.headers['content-type']).toMatch(PROBLEM);
      expect(bodyOf<Problem>(response)).toMatchObject({ code: 'too_many_codes', status: 413 });
      expect(bodyOf<Problem>(response).detail).toContain('100000');
      expect(await storedCodes(brandId, reward.id)).toEqual([]);
    });

    it('takes codes only for coupon rewards, and text bodies only on this route', async () => {
      const brandId = await newBrand();
      const bag = await create(brandId, physical);
      const refused = await upload(brandId, bag.id, 'text/plain', 'A-1\n').expect(409);
      expect(bodyOf<Problem>(refused).code).toBe('not_a_coupon');
      expect(await storedCodes(brandId, bag.id)).toEqual([]);

      const elsewhere = await t
        .http()
        .post(`/api/v1/brands/${brandId}/rewards`)
        .set('Cookie', owner)
        .set('Content-Type', 'text/csv')
        .send('nameDe,nameEn\n')
        .expect(415);
      expect(bodyOf<Problem>(elsewhere).code).toBe('unsupported_media_type');
      await upload(brandId, bag.id, 'application/xml', '<codes/>').expect(415);
    });
  });
});
