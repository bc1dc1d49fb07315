import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';

import { BrandAccess } from '../auth/access.decorators';
import { type Actor, CurrentActor, RequestInfo, type RequestMeta } from '../auth/actor';
import { PageQueryDto } from '../common/pagination/page-query.dto';
import { ResourceIdPipe } from '../common/http/id.pipe';
import { ApiKeysService } from './api-keys.service';
import { ApiKeyPageDto, CreateApiKeyDto, CreatedApiKeyDto, toApiKeyDto } from './dto/api-key.dto';

@ApiTags('api-keys')
@Controller('brands/:brandId/api-keys')
export class ApiKeysController {
  constructor(private readonly keys: ApiKeysService) {}

  @Get()
  @BrandAccess({ roles: ['owner'] })
  @ApiOperation({ summary: "The brand's API keys, newest first (secrets are never shown again)" })
  @ApiOkResponse({ type: ApiKeyPageDto })
  async list(
    @Param('brandId', ParseUUIDPipe) brandId: string,
    @Query() query: PageQueryDto,
  ): Promise<ApiKeyPageDto> {
    const page = await this.keys.list(brandId, query.limit ?? 50, query.cursor);
    return { items: page.items.map(toApiKeyDto), nextCursor: page.nextCursor };
  }

  @Post()
  @HttpCode(201)
  @BrandAccess({ roles: ['owner'] })
  @ApiOperation({ summary: 'Create an API key; the answer holds the secret, once' })
  @ApiCreatedResponse({ type: CreatedApiKeyDto })
  async create(
    @Param('brandId', ParseUUIDPipe) brandId: string,
    @CurrentActor() actor: Actor,
    @RequestInfo() meta: RequestMeta,
    @Body() body: CreateApiKeyDto,
  ): Promise<CreatedApiKeyDto> {
    const { key, secret } = await this.keys.create(brandId, body, actor, meta);
    return { apiKey: toApiKeyDto(key), secret };
  }

  @Delete(':keyId')
  @HttpCode(204)
  @BrandAccess({ roles: ['owner'] })
  @ApiOperation({ summary: 'Revoke an API key, effective immediately' })
  @ApiNoContentResponse()
  async revoke(
    @Param('brandId', ParseUUIDPipe) brandId: string,
    @Param('keyId', new ResourceIdPipe('API key')) keyId: string,
    @CurrentActor() actor: Actor,
    @RequestInfo() meta: RequestMeta,
  ): Promise<void> {
    await this.keys.revoke(brandId, keyId, actor, meta);
  }
}
