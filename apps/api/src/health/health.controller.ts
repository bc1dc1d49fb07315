import { Controller, Get, HttpCode } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiProperty } from '@nestjs/swagger';
import { DataSource } from 'typeorm';

import { Public } from '../auth/access.decorators';
import { DomainError } from '../common/errors/domain-error';
import { ApiProblemResponse } from '../common/errors/api-problem.decorator';

export class HealthDto {
  @ApiProperty({ example: 'ok' })
  status!: string;
}

export class ReadinessDto {
  @ApiProperty({ example: 'ready' })
  status!: string;

  @ApiProperty({ example: 'up' })
  database!: string;

  @ApiProperty({ example: 'applied' })
  migrations!: string;
}

/** Liveness and readiness for load balancers and orchestrators (outside the /api/v1 prefix). */
@ApiTags('health')
@Controller('api')
export class HealthController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get('health')
  @Public()
  @ApiOperation({ summary: 'The process is alive' })
  @ApiOkResponse({ type: HealthDto })
  health(): HealthDto {
    return { status: 'ok' };
  }

  @Get('ready')
  @HttpCode(200)
  @Public()
  @ApiOperation({ summary: 'The database answers and every migration is applied' })
  @ApiOkResponse({ type: ReadinessDto })
  @ApiProblemResponse(503, 'The database is unreachable or migrations are pending.')
  async ready(): Promise<ReadinessDto> {
    try {
      await this.dataSource.query('SELECT 1');
    } catch {
      throw new DomainError(503, 'database_unavailable', 'The database does not answer.');
    }
    if (await this.dataSource.showMigrations()) {
      throw new DomainError(503, 'migrations_pending', 'The database schema is not up to date.');
    }
    return { status: 'ready', database: 'up', migrations: 'applied' };
  }
}
