import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import { BrandAccess, SignedIn } from '../auth/access.decorators';
import {
  type Actor,
  CurrentActor,
  CurrentUser,
  RequestInfo,
  type RequestMeta,
  type SessionUser,
} from '../auth/actor';
import { ApiProblemResponse } from '../common/errors/api-problem.decorator';
import { PageQueryDto } from '../common/pagination/page-query.dto';
import { BrandsService } from './brands.service';
import { BrandDto, BrandPageDto, toBrandDto } from './dto/brand.dto';
import { CreateBrandDto } from './dto/create-brand.dto';
import { UpdateBrandDto } from './dto/update-brand.dto';

@ApiTags('brands')
@Controller('brands')
export class BrandsController {
  constructor(private readonly brands: BrandsService) {}

  @Get()
  @SignedIn()
  @ApiOperation({ summary: 'Brands the logged-in user belongs to' })
  @ApiOkResponse({ type: BrandPageDto })
  async list(@CurrentUser() user: SessionUser, @Query() query: PageQueryDto): Promise<BrandPageDto> {
    const page = await this.brands.listForUser(user.id, query.limit ?? 50, query.cursor);
    return {
      items: page.items.map(({ brand, role }) => toBrandDto(brand, role)),
      nextCursor: page.nextCursor,
    };
  }

  @Post()
  @HttpCode(201)
  @SignedIn()
  @ApiOperation({ summary: 'Create a brand; the caller becomes its owner' })
  @ApiCreatedResponse({ type: BrandDto })
  @ApiProblemResponse(409, 'The slug is taken.')
  async create(
    @CurrentUser() user: SessionUser,
    @CurrentActor() actor: Actor,
    @RequestInfo() meta: RequestMeta,
    @Body() body: CreateBrandDto,
  ): Promise<BrandDto> {
    return toBrandDto(await this.brands.create(user, body, meta, actor), 'owner');
  }

  @Get(':brandId')
  @BrandAccess({ roles: ['owner', 'manager', 'analyst'], scopes: 'any-key' })
  @ApiOperation({ summary: 'One brand' })
  @ApiOkResponse({ type: BrandDto })
  async get(
    @Param('brandId', ParseUUIDPipe) brandId: string,
    @CurrentActor() actor: Actor,
  ): Promise<BrandDto> {
    return toBrandDto(await this.brands.get(brandId), actor.type === 'user' ? actor.role : null);
  }

  @Patch(':brandId')
  @BrandAccess({ roles: ['owner'] })
  @ApiOperation({ summary: "Change the brand's name, slug, time zone or locale" })
  @ApiOkResponse({ type: BrandDto })
  @ApiProblemResponse(409, 'The slug is taken.')
  async update(
    @Param('brandId', ParseUUIDPipe) brandId: string,
    @CurrentActor() actor: Actor,
    @RequestInfo() meta: RequestMeta,
    @Body() body: UpdateBrandDto,
  ): Promise<BrandDto> {
    return toBrandDto(
      await this.brands.update(brandId, body, actor, meta),
      actor.type === 'user' ? actor.role : null,
    );
  }
}
