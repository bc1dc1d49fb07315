import { Body, Controller, Delete, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import { BrandAccess } from '../auth/access.decorators';
import { type Actor, CurrentActor, RequestInfo, type RequestMeta } from '../auth/actor';
import { LinkedIdentityDto, LinkIdentityDto } from './dto/deliveries.dto';
import { LinkingService } from './linking.service';

/** Managers link and unlink a fan's accounts by hand; each link records who made it. */
@ApiTags('fans')
@Controller('brands/:brandId/fans/:fanId/identities')
@BrandAccess({ roles: ['owner', 'manager'], scopes: ['fans:write'] })
export class FanLinksController {
  constructor(private readonly linking: LinkingService) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({
    summary: 'Link an account to the fan by hand',
    description:
      'When another fan holds the account, that fan is merged into this one (points and history move).',
  })
  @ApiCreatedResponse({ type: LinkedIdentityDto })
  link(
    @Param('brandId', ParseUUIDPipe) brandId: string,
    @Param('fanId', ParseUUIDPipe) fanId: string,
    @CurrentActor() actor: Actor,
    @RequestInfo() meta: RequestMeta,
    @Body() body: LinkIdentityDto,
  ): Promise<LinkedIdentityDto> {
    return this.linking.linkManually(
      brandId,
      fanId,
      { channel: body.channel, externalId: body.externalId, handle: body.handle ?? null, displayName: null },
      actor,
      meta,
    );
  }

  @Delete(':identityId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Unlink an account: its next event starts a fan of its own' })
  @ApiNoContentResponse()
  async unlink(
    @Param('brandId', ParseUUIDPipe) brandId: string,
    @Param('fanId', ParseUUIDPipe) fanId: string,
    @Param('identityId', ParseUUIDPipe) identityId: string,
    @CurrentActor() actor: Actor,
    @RequestInfo() meta: RequestMeta,
  ): Promise<void> {
    await this.linking.unlink(brandId, fanId, identityId, actor, meta);
  }
}
