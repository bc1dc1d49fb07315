import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { type FastifyRequest } from 'fastify';

import { WidgetAccess } from '../auth/access.decorators';
import { Unauthenticated } from '../common/errors/domain-error';
import { FansRepository } from '../fans/fans.repository';
import { WidgetService } from '../widget/widget.service';
import { LinkCodeDto, LinkCodeRequestDto } from './dto/deliveries.dto';
import { LinkingService } from './linking.service';

class WidgetAccountDto {
  @ApiProperty({ example: 'instagram' })
  channel!: string;

  @ApiProperty({ nullable: true, type: String, example: 'fan_b' })
  handle!: string | null;

  @ApiProperty({
    description: 'Linked with a code or by the brand (the account a fan logs in with is not listed)',
  })
  verified!: boolean;

  @ApiProperty()
  since!: string;
}

class WidgetAccountsDto {
  @ApiProperty({ type: [WidgetAccountDto] })
  items!: WidgetAccountDto[];
}

/** The fan links her social accounts: she asks for a code and writes it from the account. */
@ApiTags('widget')
@Controller('widget')
export class WidgetLinksController {
  constructor(
    private readonly widget: WidgetService,
    private readonly fans: FansRepository,
    private readonly linking: LinkingService,
  ) {}

  @Get('accounts')
  @WidgetAccess({ fan: 'required' })
  @ApiOperation({ summary: "The fan's linked social accounts" })
  @ApiOkResponse({ type: WidgetAccountsDto })
  async accounts(@Req() request: FastifyRequest): Promise<WidgetAccountsDto> {
    const { brand, fan: claims } = request.widget ?? {};
    if (!brand || !claims) throw new Unauthenticated('fan_token_required', "This needs the fan's token.");
    const fan = await this.widget.fanOf(brand, claims);
    const identities = await this.fans.identitiesOf(brand.id, [fan.id]);
    return {
      items: identities
        .filter((identity) => identity.channel !== 'web')
        .map((identity) => ({
          channel: identity.channel,
          handle: identity.handle,
          verified: identity.source === 'linked',
          since: identity.createdAt.toISOString(),
        })),
    };
  }

  @Post('link-codes')
  @HttpCode(200)
  @WidgetAccess({ fan: 'required' })
  @ApiOperation({
    summary: 'A one-time code to link a social account',
    description:
      'Valid 24 hours. Written in a comment or a direct message from the account (a signed delivery from the ' +
      'platform), it links that account to the fan. Asking again returns the open code.',
  })
  @ApiOkResponse({ type: LinkCodeDto })
  async linkCode(@Req() request: FastifyRequest, @Body() body: LinkCodeRequestDto): Promise<LinkCodeDto> {
    const { brand, fan: claims } = request.widget ?? {};
    if (!brand || !claims) throw new Unauthenticated('fan_token_required', "This needs the fan's token.");
    const fan = await this.widget.fanOf(brand, claims);
    const code = await this.linking.codeFor(brand.id, fan.id, body.channel, new Date());
    return { code: code.code, channel: code.channel, expiresAt: code.expiresAt.toISOString() };
  }
}
