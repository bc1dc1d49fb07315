import { Module } from '@nestjs/common';

import { EventsModule } from '../events/events.module';
import { ImportBooker } from './import-booker';
import { ImportsController } from './imports.controller';
import { ImportsRepository } from './imports.repository';
import { ImportsService } from './imports.service';

/** Owns event imports: CSV uploads read as they stream in, their booking job and their reports. */
@Module({
  imports: [EventsModule],
  controllers: [ImportsController],
  providers: [ImportsRepository, ImportsService, ImportBooker],
})
export class ImportsModule {}
