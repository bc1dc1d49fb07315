import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';

import { BrandAccess } from '../auth/access.decorators';
import { type Actor, CurrentActor, RequestInfo, type RequestMeta } from '../auth/actor';
import {
  NewWidgetSecretDto,
  RotateWidgetSecretDto,
  toWidgetSettingsDto,
  UpdateWidgetSettingsDto,
  WidgetSettingsDto,
} from './dto/widget-settings.dto';
import { DEFAULT_OVERLAP_HOURS, WidgetSettingsService } from './widget-settings.service';

@ApiTags('widget')
@Controller('brands/:brandId/widget-settings')
@BrandAccess({ roles: ['owner', 'manager'] })
export class WidgetSettingsController {
  constructor(private readonly settings: WidgetSettingsService) {}

  @Get()
  @ApiOperation({ summary: "The widget's publishable key, allowed origins, colours, texts and secrets" })
  @ApiOkResponse({ type: WidgetSettingsDto })
  async get(@Param('brandId', ParseUUIDPipe) brandId: string): Promise<WidgetSettingsDto> {
    const { brand, secrets } = await this.settings.get(brandId);
    return toWidgetSettingsDto(brand, secrets);
  }

  @Patch()
  @ApiOperation({ summary: 'Change allowed origins, colours or texts (each replaces what was there)' })
  @ApiOkResponse({ type: WidgetSettingsDto })
  async update(
    @Param('brandId', ParseUUIDPipe) brandId: string,
    @CurrentActor() actor: Actor,
    @RequestInfo() meta: RequestMeta,
    @Body() body: UpdateWidgetSettingsDto,
  ): Promise<WidgetSettingsDto> {
    const { brand, secrets } = await this.settings.update(brandId, body, actor, meta);
    return toWidgetSettingsDto(brand, secrets);
  }

  @Post('secrets')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Issue a new signing secret for fan tokens',
    description:
      'The secrets in use keep verifying tokens for overlapHours (default 24), then expire. The new ' +
      'secret is answered this once only.',
  })
  @ApiCreatedResponse({ type: NewWidgetSecretDto })
  async rotate(
    @Param('brandId', ParseUUIDPipe) brandId: string,
    @CurrentActor() actor: Actor,
    @RequestInfo() meta: RequestMeta,
    @Body() body: RotateWidgetSecretDto,
  ): Promise<NewWidgetSecretDto> {
    const { kid, secret, brand, secrets } = await this.settings.rotateSecret(
      brandId,
      body.overlapHours ?? DEFAULT_OVERLAP_HOURS,
      actor,
      meta,
    );
    return { kid, secret, settings: toWidgetSettingsDto(brand, secrets) };
  }

  @Delete('secrets/:kid')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke a signing secret at once: tokens signed with it stop working' })
  @ApiNoContentResponse()
  async revoke(
    @Param('brandId', ParseUUIDPipe) brandId: string,
    @Param('kid') kid: string,
    @CurrentActor() actor: Actor,
    @RequestInfo() meta: RequestMeta,
  ): Promise<void> {
    await this.settings.revokeSecret(brandId, kid, actor, meta);
  }
}
