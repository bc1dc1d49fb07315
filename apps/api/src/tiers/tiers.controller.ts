import { Body, Controller, Get, Param, ParseUUIDPipe, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import { BrandAccess } from '../auth/access.decorators';
import { type Actor, CurrentActor, RequestInfo, type RequestMeta } from '../auth/actor';
import { PutTiersDto, TiersDto, toTiersDto } from './dto/tiers.dto';
import { TiersService } from './tiers.service';

@ApiTags('tiers')
@Controller('brands/:brandId/tiers')
export class TiersController {
  constructor(private readonly tiers: TiersService) {}

  @Get()
  @BrandAccess({ roles: ['owner', 'manager', 'analyst'] })
  @ApiOperation({ summary: "The brand's tier ladder and what its thresholds count" })
  @ApiOkResponse({ type: TiersDto })
  async get(@Param('brandId', ParseUUIDPipe) brandId: string): Promise<TiersDto> {
    return toTiersDto(await this.tiers.ladder(brandId));
  }

  @Put()
  @BrandAccess({ roles: ['owner', 'manager'] })
  @ApiOperation({
    summary: 'Replace the tier ladder',
    description:
      'Replaces the whole ladder and its basis in one step (400 with field errors such as ' +
      "tiers.1.threshold). Fans' tiers are recomputed against the new ladder by the ledger, not by this call.",
  })
  @ApiOkResponse({ type: TiersDto })
  async replace(
    @Param('brandId', ParseUUIDPipe) brandId: string,
    @CurrentActor() actor: Actor,
    @RequestInfo() meta: RequestMeta,
    @Body() body: PutTiersDto,
  ): Promise<TiersDto> {
    return toTiersDto(await this.tiers.replace(brandId, body, actor, meta));
  }
}
