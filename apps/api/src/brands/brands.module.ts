import { Module } from '@nestjs/common';

import { MembersModule } from '../members/members.module';
import { BrandsController } from './brands.controller';
import { BrandsRepository } from './brands.repository';
import { BrandsService } from './brands.service';

/** Owns brands (the tenants): their settings and creation. */
@Module({
  imports: [MembersModule],
  controllers: [BrandsController],
  providers: [BrandsRepository, BrandsService],
  exports: [BrandsRepository, BrandsService],
})
export class BrandsModule {}
