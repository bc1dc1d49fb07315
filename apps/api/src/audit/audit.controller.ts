import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import { BrandAccess } from '../auth/access.decorators';
import { AuditService } from './audit.service';
import { AuditChangeDto, AuditLogPageDto, toAuditEntryDto } from './dto/audit-entry.dto';
import { AuditQueryDto } from './dto/audit-query.dto';

@ApiTags('audit')
@ApiExtraModels(AuditChangeDto)
@Controller('brands/:brandId/audit-log')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @BrandAccess({ roles: ['owner'] })
  @ApiOperation({ summary: "The brand's audit log, newest first" })
  @ApiOkResponse({ type: AuditLogPageDto })
  async list(
    @Param('brandId', ParseUUIDPipe) brandId: string,
    @Query() query: AuditQueryDto,
  ): Promise<AuditLogPageDto> {
    const page = await this.audit.list(brandId, query.limit ?? 50, query.cursor, query.action);
    return { items: page.items.map(toAuditEntryDto), nextCursor: page.nextCursor };
  }
}
