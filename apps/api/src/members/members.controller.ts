import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
} from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';

import { BrandAccess } from '../auth/access.decorators';
import { type Actor, CurrentActor, RequestInfo, type RequestMeta } from '../auth/actor';
import { ApiProblemResponse } from '../common/errors/api-problem.decorator';
import { ResourceIdPipe } from '../common/http/id.pipe';
import { PageQueryDto } from '../common/pagination/page-query.dto';
import {
  AddedMemberDto,
  AddMemberDto,
  MemberDto,
  MemberPageDto,
  toMemberDto,
  UpdateMemberDto,
} from './dto/member.dto';
import { MembersService } from './members.service';

@ApiTags('members')
@Controller('brands/:brandId/members')
export class MembersController {
  constructor(private readonly members: MembersService) {}

  @Get()
  @BrandAccess({ roles: ['owner', 'manager', 'analyst'] })
  @ApiOperation({ summary: "The brand's team" })
  @ApiOkResponse({ type: MemberPageDto })
  async list(
    @Param('brandId', ParseUUIDPipe) brandId: string,
    @Query() query: PageQueryDto,
  ): Promise<MemberPageDto> {
    const page = await this.members.list(brandId, query.limit ?? 50, query.cursor);
    return { items: page.items.map(toMemberDto), nextCursor: page.nextCursor };
  }

  @Post()
  @HttpCode(201)
  @BrandAccess({ roles: ['owner'] })
  @ApiOperation({ summary: 'Add a user by email with a role (new users get a one-time password)' })
  @ApiCreatedResponse({ type: AddedMemberDto })
  @ApiProblemResponse(409, 'Already a member.')
  async add(
    @Param('brandId', ParseUUIDPipe) brandId: string,
    @CurrentActor() actor: Actor,
    @RequestInfo() meta: RequestMeta,
    @Body() body: AddMemberDto,
  ): Promise<AddedMemberDto> {
    const { member, oneTimePassword } = await this.members.add(brandId, body, actor, meta);
    return { member: toMemberDto(member), oneTimePassword };
  }

  @Patch(':userId')
  @BrandAccess({ roles: ['owner'] })
  @ApiOperation({ summary: "Change a member's role" })
  @ApiOkResponse({ type: MemberDto })
  @ApiProblemResponse(409, 'The brand would be left without an owner.')
  async changeRole(
    @Param('brandId', ParseUUIDPipe) brandId: string,
    @Param('userId', new ResourceIdPipe('Member')) userId: string,
    @CurrentActor() actor: Actor,
    @RequestInfo() meta: RequestMeta,
    @Body() body: UpdateMemberDto,
  ): Promise<MemberDto> {
    return toMemberDto(await this.members.changeRole(brandId, userId, body.role, actor, meta));
  }

  @Delete(':userId')
  @HttpCode(204)
  @BrandAccess({ roles: ['owner'] })
  @ApiOperation({ summary: 'Remove a member' })
  @ApiNoContentResponse()
  @ApiProblemResponse(409, 'The brand would be left without an owner.')
  async remove(
    @Param('brandId', ParseUUIDPipe) brandId: string,
    @Param('userId', new ResourceIdPipe('Member')) userId: string,
    @CurrentActor() actor: Actor,
    @RequestInfo() meta: RequestMeta,
  ): Promise<void> {
    await this.members.remove(brandId, userId, actor, meta);
  }
}
