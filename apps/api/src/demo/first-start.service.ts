import { Inject, Injectable, Logger } from '@nestjs/common';

import { uuidv7 } from '@fanfare/shared';

import { BrandsRepository } from '../brands/brands.repository';
import { BrandsService } from '../brands/brands.service';
import { type BrandEntity } from '../brands/entities/brand.entity';
import { APP_CONFIG, type RuntimeConfig } from '../config/config.module';
import { Transactions } from '../database/transactions';
import { generatePassword, hashPassword } from '../users/passwords';
import { UsersRepository } from '../users/users.repository';
import { WidgetSettingsService } from '../widget/widget-settings.service';
import { DemoDataService } from './demo-data.service';

export const DEMO_BRAND = {
  name: 'Bäckerei Sonnenschein',
  slug: 'baeckerei-sonnenschein',
  timeZone: 'Europe/Berlin',
  locale: 'de',
} as const;

export interface FirstStartResult {
  /** Set when this start created the first owner. */
  owner?: { email: string; password: string; generated: boolean };
  demoBrand?: BrandEntity;
}

/**
 * What an empty installation needs before anyone can log in: the first owner (from
 * FANFARE_ADMIN_EMAIL/PASSWORD, or a generated password printed once) and, on a local run, the
 * demo bakery so the admin is not empty.
 */
@Injectable()
export class FirstStartService {
  private readonly logger = new Logger('FirstStart');

  constructor(
    @Inject(APP_CONFIG) private readonly config: RuntimeConfig,
    private readonly tx: Transactions,
    private readonly users: UsersRepository,
    private readonly brands: BrandsRepository,
    private readonly brandsService: BrandsService,
    private readonly demoData: DemoDataService,
    private readonly widgetSettings: WidgetSettingsService,
  ) {}

  async run(): Promise<FirstStartResult> {
    const password = this.config.adminPassword ?? generatePassword();
    const passwordHash = await hashPassword(password);
    return this.tx.run(async () => {
      // One start at a time decides whether this is the first one.
      await this.tx.manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 7))', [
        'fanfare:first-start',
      ]);
      if ((await this.users.count()) > 0) {
        return {};
      }
      const email = this.config.adminEmail ?? 'admin@fanfare.local';
      const generated = this.config.adminPassword === undefined;
      const owner = await this.users.insert({
        id: uuidv7(),
        email,
        name: 'Owner',
        passwordHash,
        mustChangePassword: generated,
      });
      const result: FirstStartResult = { owner: { email, password, generated } };
      if (this.config.seedDemo) {
        result.demoBrand = await this.createDemoBrand(owner.id);
      }
      return result;
    });
  }

  /** Replaces the demo brand (and everything in it) with a fresh one owned by its former owners' first. */
  async recreateDemoBrand(): Promise<BrandEntity> {
    return this.tx.run(async () => {
      const existing = await this.brands.findDemo();
      const owner = await this.users.findOldest();
      if (!owner) {
        throw new Error('No user exists yet: start Fanfare once before seeding the demo brand.');
      }
      if (existing) {
        await this.brands.delete(existing.id);
        this.logger.log(`Removed demo brand ${existing.id}`);
      }
      return this.createDemoBrand(owner.id);
    });
  }

  private async createDemoBrand(ownerId: string): Promise<BrandEntity> {
    const actor = { type: 'system', label: 'demo seed' } as const;
    const brand = await this.brandsService.createOwnedBy(ownerId, DEMO_BRAND, true, actor, null);
    await this.demoData.seed(brand.id, actor);
    await this.widgetSettings.update(
      brand.id,
      {
        theme: { primaryColor: '#b45309', textColor: '#292524', backgroundColor: '#fffbf5' },
        texts: {
          de: {
            title: 'Sonnenschein-Punkte',
            welcome: 'Sammle Punkte bei jedem Einkauf und löse sie für Leckeres ein.',
          },
          en: {
            title: 'Sunshine points',
            welcome: 'Collect points with every purchase and spend them on treats.',
          },
        },
      },
      actor,
      null,
    );
    // The demo shop signs its customers' fan tokens with it.
    await this.widgetSettings.rotateSecret(brand.id, 0, actor, null);
    return brand;
  }
}
