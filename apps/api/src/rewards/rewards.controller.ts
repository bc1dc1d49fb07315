import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
} from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';

import { BrandAccess } from '../auth/access.decorators';
import { type Actor, CurrentActor, isOwnerOrManager, RequestInfo, type RequestMeta } from '../auth/actor';
import { ApiProblemResponse } from '../common/errors/api-problem.decorator';
import { ResourceIdPipe } from '../common/http/id.pipe';
import { AcceptsTextBody } from '../common/http/text-body';
import { MAX_CODE_LENGTH, MAX_CODES_PER_UPLOAD, uploadFormat } from './code-upload';
import { CodeUploadResultDto, toCodeUploadResultDto, UploadCodesDto } from './dto/code-upload.dto';
import { CreateRewardDto } from './dto/create-reward.dto';
import { RewardDto, RewardPageDto, toRewardDto } from './dto/reward.dto';
import { RewardQueryDto } from './dto/reward-query.dto';
import { UpdateRewardDto } from './dto/update-reward.dto';
import { RewardsService } from './rewards.service';

const READ = { roles: ['owner', 'manager', 'analyst'] } as const;
const WRITE = { roles: ['owner', 'manager'] } as const;

const DOWNLOAD_URL_NOTE = 'downloadUrl is shown to owners and managers only.';
const CODE_RULES = `1 to ${MAX_CODE_LENGTH} characters, trimmed; blank lines are counted and skipped.`;
const CSV_BODY =
  `The codes in the first column, one record per line (${CODE_RULES}). Columns are separated by ` +
  'commas or semicolons; a first row `code` is a header and skipped.';
const TEXT_BODY = `One code per line (${CODE_RULES}).`;

/** Only owners and managers see a download reward's link; fans get it after redeeming. */
@ApiTags('rewards')
@Controller('brands/:brandId/rewards')
export class RewardsController {
  constructor(private readonly rewards: RewardsService) {}

  @Get()
  @BrandAccess(READ)
  @ApiOperation({
    summary: "The brand's rewards catalogue, in catalogue order",
    description: `Ordered by position, then creation. Each reward carries its live stock. ${DOWNLOAD_URL_NOTE}`,
  })
  @ApiOkResponse({ type: RewardPageDto })
  async list(
    @Param('brandId', ParseUUIDPipe) brandId: string,
    @CurrentActor() actor: Actor,
    @Query() query: RewardQueryDto,
  ): Promise<RewardPageDto> {
    const page = await this.rewards.list(brandId, query.limit ?? 50, query.cursor, query.active);
    const options = { revealDownloadUrl: isOwnerOrManager(actor) };
    return { items: page.items.map((item) => toRewardDto(item, options)), nextCursor: page.nextCursor };
  }

  @Post()
  @HttpCode(201)
  @BrandAccess(WRITE)
  @ApiOperation({
    summary: 'Add a reward to the catalogue',
    description:
      'Fields are checked one by one and together (400 naming each field): downloadUrl is required for ' +
      'and only for download rewards; coupons have no own stock (their stock is the code pool); ' +
      'perFanPeriod goes with perFanLimit; availableUntil is after availableFrom; minTier names a tier ' +
      "of the brand's ladder.",
  })
  @ApiCreatedResponse({ type: RewardDto })
  async create(
    @Param('brandId', ParseUUIDPipe) brandId: string,
    @CurrentActor() actor: Actor,
    @RequestInfo() meta: RequestMeta,
    @Body() body: CreateRewardDto,
  ): Promise<RewardDto> {
    return toRewardDto(await this.rewards.create(brandId, body, actor, meta), {
      revealDownloadUrl: isOwnerOrManager(actor),
    });
  }

  @Get(':rewardId')
  @BrandAccess(READ)
  @ApiOperation({ summary: 'One reward with its live stock', description: DOWNLOAD_URL_NOTE })
  @ApiOkResponse({ type: RewardDto })
  async get(
    @Param('brandId', ParseUUIDPipe) brandId: string,
    @Param('rewardId', new ResourceIdPipe('Reward')) rewardId: string,
    @CurrentActor() actor: Actor,
  ): Promise<RewardDto> {
    return toRewardDto(await this.rewards.get(brandId, rewardId), {
      revealDownloadUrl: isOwnerOrManager(actor),
    });
  }

  @Patch(':rewardId')
  @BrandAccess(WRITE)
  @ApiOperation({
    summary: 'Change a reward',
    description:
      'Fields left out stay as they are; null clears the optional ones (descriptions become empty, ' +
      'stock unlimited, no limit, no minimum tier, no window). The result is checked as on create.',
  })
  @ApiOkResponse({ type: RewardDto })
  @ApiProblemResponse(409, 'reward_has_codes: a reward with coupon codes keeps its kind.')
  async update(
    @Param('brandId', ParseUUIDPipe) brandId: string,
    @Param('rewardId', new ResourceIdPipe('Reward')) rewardId: string,
    @CurrentActor() actor: Actor,
    @RequestInfo() meta: RequestMeta,
    @Body() body: UpdateRewardDto,
  ): Promise<RewardDto> {
    return toRewardDto(await this.rewards.update(brandId, rewardId, body, actor, meta), {
      revealDownloadUrl: isOwnerOrManager(actor),
    });
  }

  @Post(':rewardId/codes')
  @HttpCode(200)
  @BrandAccess(WRITE)
  @AcceptsTextBody()
  @ApiExtraModels(UploadCodesDto)
  @ApiOperation({
    summary: "Upload coupon codes to a coupon reward's pool",
    description:
      'As text/csv, text/plain or JSON. Blank lines are counted and skipped; repeats within the ' +
      'upload and codes the pool already holds are reported and stored once, also when the same ' +
      'file arrives twice at the same time; codes that are too long or hold control characters are ' +
      `rejected by line. At most ${MAX_CODES_PER_UPLOAD} codes per upload, within the body limit. ` +
      'The upload is stored whole or not at all; the audit log records its counts, never the codes.',
    requestBody: {
      required: true,
      content: {
        'text/csv': { schema: { type: 'string', description: CSV_BODY, example: 'code\nKAFFEE-7Q2M\n' } },
        'text/plain': { schema: { type: 'string', description: TEXT_BODY, example: 'KAFFEE-7Q2M\n' } },
        'application/json': { schema: { $ref: getSchemaPath(UploadCodesDto) } },
      },
    },
  })
  @ApiOkResponse({ type: CodeUploadResultDto })
  @ApiProblemResponse(409, 'not_a_coupon: codes belong to coupon rewards only.')
  @ApiProblemResponse(
    413,
    `payload_too_large: the body is over the limit; too_many_codes: more than ${MAX_CODES_PER_UPLOAD} codes.`,
  )
  @ApiProblemResponse(415, 'The body is neither text/csv, text/plain nor application/json.')
  async uploadCodes(
    @Param('brandId', ParseUUIDPipe) brandId: string,
    @Param('rewardId', new ResourceIdPipe('Reward')) rewardId: string,
    @Headers('content-type') contentType: string | undefined,
    @CurrentActor() actor: Actor,
    @RequestInfo() meta: RequestMeta,
    @Body() body: unknown,
  ): Promise<CodeUploadResultDto> {
    return toCodeUploadResultDto(
      await this.rewards.uploadCodes(brandId, rewardId, uploadFormat(contentType), body, actor, meta),
    );
  }
}
