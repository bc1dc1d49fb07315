import { Injectable } from '@nestjs/common';

import { type AuditActor } from '../audit/audit.service';
import { CampaignsService } from '../campaigns/campaigns.service';
import { EventsService } from '../events/events.service';
import { RewardsService } from '../rewards/rewards.service';
import { TiersService } from '../tiers/tiers.service';

const DAY = 86_400_000;
const FIRST_NAMES = [
  'Anna',
  'Ben',
  'Clara',
  'David',
  'Emma',
  'Felix',
  'Greta',
  'Hannes',
  'Ida',
  'Jonas',
  'Katharina',
  'Leon',
  'Mia',
  'Noah',
  'Oskar',
  'Paula',
  'Quirin',
  'Romy',
  'Sophie',
  'Theo',
  'Ulla',
  'Valentin',
  'Wiebke',
  'Yusuf',
  'Zoe',
];
const LAST_NAMES = [
  'Müller',
  'Schmidt',
  'Schneider',
  'Fischer',
  'Weber',
  'Meyer',
  'Wagner',
  'Becker',
  'Schulz',
  'Hoffmann',
  'Koch',
  'Richter',
];

/** A small deterministic random source, so every demo bakery looks the same. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The demo bakery's earning setup and history: a tier ladder, four campaigns and a few hundred fans
 * whose events of the last 90 days went through the real ingestion (so balances, caps and tiers are
 * what the engine computed).
 */
@Injectable()
export class DemoDataService {
  constructor(
    private readonly campaigns: CampaignsService,
    private readonly tiers: TiersService,
    private readonly events: EventsService,
    private readonly rewards: RewardsService,
  ) {}

  async seed(brandId: string, actor: AuditActor, now = new Date()): Promise<void> {
    await this.tiers.replace(
      brandId,
      {
        basis: 'lifetime',
        tiers: [
          { name: 'Bronze', threshold: 0, multiplier: 1, perks: 'Willkommensgeschenk zum Geburtstag' },
          { name: 'Silber', threshold: 500, multiplier: 1.25, perks: 'Ein Kaffee gratis pro Monat' },
          { name: 'Gold', threshold: 1500, multiplier: 1.5, perks: 'Vorbestellung für Sonntagsbrötchen' },
        ],
      },
      actor,
      null,
    );
    const startsAt = new Date(now.getTime() - 120 * DAY).toISOString();
    const campaign = async (name: string, description: string, rules: unknown[]): Promise<void> => {
      await this.campaigns.create(
        brandId,
        { name, description, startsAt, status: 'active', rules },
        actor,
        null,
      );
    };
    await campaign('Social-Media-Parade', 'Kommentare mit #SoMeParade auf Instagram', [
      {
        name: 'Instagram-Kommentar mit #SoMeParade',
        trigger: { eventType: 'comment', channels: ['instagram'] },
        conditions: [{ property: 'hashtags', op: 'contains', value: 'SoMeParade' }],
        award: { kind: 'fixed', points: 10 },
        limits: [{ window: 'day', max: 3 }],
      },
    ]);
    await campaign('Bewertungen', 'Ehrliche Bewertungen im Shop', [
      {
        name: 'Bewertung im Shop',
        trigger: { eventType: 'review', channels: ['web'] },
        conditions: [],
        award: { kind: 'fixed', points: 50 },
        limits: [{ window: 'month', max: 1 }],
      },
    ]);
    await campaign('Einkauf', 'Ein Punkt pro Euro im Laden und online', [
      {
        name: 'Einkauf',
        trigger: { eventType: 'purchase', channels: ['store', 'web'] },
        conditions: [],
        award: { kind: 'per_unit', property: 'amount', pointsPerUnit: 1, unit: 1, rounding: 'floor' },
        limits: [],
      },
    ]);
    await campaign('Freunde werben', 'Wer eine Freundin wirbt, bekommt 100 Punkte', [
      {
        name: 'Empfehlung',
        trigger: { eventType: 'referral' },
        conditions: [],
        award: { kind: 'fixed', points: 100 },
        limits: [{ window: 'month', max: 3 }],
      },
    ]);

    await campaign('Willkommen', 'Wer sich im Shop anmeldet, bekommt einmalig 150 Punkte', [
      {
        name: 'Anmeldung im Shop',
        trigger: { eventType: 'signup', channels: ['web'] },
        conditions: [],
        award: { kind: 'fixed', points: 150 },
        limits: [{ window: 'lifetime', max: 1 }],
      },
    ]);

    await this.seedGoodies(brandId, actor);

    const next = random(20261127);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
    const events: Array<Record<string, unknown>> = [];
    for (let f = 0; f < 300; f += 1) {
      const first = pick(FIRST_NAMES);
      const last = pick(LAST_NAMES);
      const handle = `${first}.${last}${f}`
        .toLowerCase()
        .replace(/ü/g, 'ue')
        .replace(/ö/g, 'oe')
        .replace(/ä/g, 'ae');
      // Every tenth fan is a regular who comes several times a week.
      const count = f % 10 === 0 ? 60 + Math.floor(next() * 60) : 1 + Math.floor(next() * next() * 25);
      for (let e = 0; e < count; e += 1) {
        const occurredAt = new Date(now.getTime() - next() * 90 * DAY - 60_000).toISOString();
        const roll = next();
        const fan = { externalId: `ig-${100000 + f}`, handle: `@${handle}`, displayName: `${first} ${last}` };
        if (roll < 0.55) {
          const tagged = next() < 0.8;
          events.push({
            id: `demo-comment-${f}-${e}`,
            type: 'comment',
            channel: 'instagram',
            occurredAt,
            fan,
            properties: {
              hashtags: tagged ? ['SoMeParade', 'Sonnenschein'] : ['Frühstück'],
              text: tagged ? 'Bestes Sauerteigbrot der Stadt! #SoMeParade' : 'Lecker 😋 #Frühstück',
            },
          });
        } else if (roll < 0.85) {
          events.push({
            id: `demo-purchase-${f}-${e}`,
            type: 'purchase',
            channel: next() < 0.7 ? 'store' : 'web',
            occurredAt,
            fan: { externalId: `kunde-${f}`, displayName: `${first} ${last}` },
            properties: { amount: Math.round((3 + next() * 45) * 100) / 100, currency: 'EUR' },
          });
        } else if (roll < 0.95) {
          events.push({
            id: `demo-review-${f}-${e}`,
            type: 'review',
            channel: 'web',
            occurredAt,
            fan: { externalId: `kunde-${f}`, displayName: `${first} ${last}` },
            properties: { rating: 3 + Math.floor(next() * 3), text: 'Sehr freundlich und immer frisch.' },
          });
        } else {
          events.push({
            id: `demo-referral-${f}-${e}`,
            type: 'referral',
            channel: 'web',
            occurredAt,
            fan: { externalId: `kunde-${f}`, displayName: `${first} ${last}` },
            properties: { referredEmailDomain: 'example.com' },
          });
        }
      }
    }
    events.sort((a, b) => String(a.occurredAt).localeCompare(String(b.occurredAt)));
    for (let i = 0; i < events.length; i += 1000) {
      await this.events.ingest(brandId, { events: events.slice(i, i + 1000) });
    }
  }

  /** The bakery's goodies: a coffee coupon with a pool of codes, a recipe book, a tote bag, a Gold class. */
  private async seedGoodies(brandId: string, actor: AuditActor): Promise<void> {
    const coffee = await this.rewards.create(
      brandId,
      {
        nameDe: 'Kaffee gratis',
        nameEn: 'Free coffee',
        descriptionDe: 'Ein Filterkaffee oder Cappuccino nach Wahl, einzulösen an der Theke.',
        descriptionEn: 'A filter coffee or cappuccino of your choice, redeemable at the counter.',
        costPoints: 150,
        kind: 'coupon',
        perFanLimit: 2,
        perFanPeriod: 'month',
        lowStockThreshold: 10,
      },
      actor,
      null,
    );
    await this.rewards.uploadCodes(
      brandId,
      coffee.reward.id,
      'json',
      { codes: Array.from({ length: 40 }, (_, i) => `KAFFEE-${String(1000 + i * 37).padStart(4, '0')}`) },
      actor,
      null,
    );
    await this.rewards.create(
      brandId,
      {
        nameDe: 'Backbuch „Sonntagsbrötchen“',
        nameEn: 'Recipe book “Sunday rolls”',
        descriptionDe: 'Unsere zwölf liebsten Rezepte als PDF zum Herunterladen.',
        descriptionEn: 'Our twelve favourite recipes as a PDF download.',
        costPoints: 300,
        kind: 'download',
        downloadUrl: 'https://example.com/baeckerei-sonnenschein/backbuch.pdf',
        perFanLimit: 1,
        perFanPeriod: 'lifetime',
      },
      actor,
      null,
    );
    await this.rewards.create(
      brandId,
      {
        nameDe: 'Stoffbeutel',
        nameEn: 'Tote bag',
        descriptionDe: 'Der Sonnenschein-Beutel aus Bio-Baumwolle, per Post zu dir nach Hause.',
        descriptionEn: 'The Sonnenschein bag in organic cotton, posted to your home.',
        costPoints: 800,
        kind: 'physical',
        stock: 20,
        lowStockThreshold: 5,
      },
      actor,
      null,
    );
    await this.rewards.create(
      brandId,
      {
        nameDe: 'Backkurs in der Backstube',
        nameEn: 'Baking class in our bakehouse',
        descriptionDe: 'Ein Samstagvormittag mit unserem Bäckermeister – nur für Gold-Fans.',
        descriptionEn: 'A Saturday morning with our master baker – for Gold fans only.',
        costPoints: 1200,
        kind: 'custom',
        stock: 8,
        minTier: 'Gold',
        perFanLimit: 1,
        perFanPeriod: 'lifetime',
      },
      actor,
      null,
    );
  }
}
