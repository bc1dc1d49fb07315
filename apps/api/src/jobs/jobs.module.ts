import { Global, Module } from '@nestjs/common';

import { Jobs } from './jobs.service';

@Global()
@Module({ providers: [Jobs], exports: [Jobs] })
export class JobsModule {}
