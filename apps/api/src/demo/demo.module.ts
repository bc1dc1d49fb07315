import { Module } from '@nestjs/common';

import { BrandsModule } from '../brands/brands.module';
import { UsersModule } from '../users/users.module';
import { FirstStartService } from './first-start.service';

/** Owns what a fresh installation starts with: the first owner and the demo bakery. */
@Module({
  imports: [UsersModule, BrandsModule],
  providers: [FirstStartService],
  exports: [FirstStartService],
})
export class DemoModule {}
