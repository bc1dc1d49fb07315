import { Readable } from 'node:stream';

import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { type FastifyReply } from 'fastify';

import { BrandAccess } from '../auth/access.decorators';
import { type Actor, CurrentActor, RequestInfo, type RequestMeta } from '../auth/actor';
import { ApiProblemResponse } from '../common/errors/api-problem.decorator';
import { DomainError } from '../common/errors/domain-error';
import { ResourceIdPipe } from '../common/http/id.pipe';
import { AcceptsStreamedBody, streamedBodyOf } from '../common/http/text-body';
import { csvLine } from '../redemptions/redemption-csv';
import {
  CreateImportQueryDto,
  ImportDetailDto,
  ImportPageDto,
  ImportPageQueryDto,
  toImportDetailDto,
  toImportDto,
} from './dto/import.dto';
import { MAX_LISTED_ERRORS } from './import-booker';
import { OPTIONAL_COLUMNS, REQUIRED_COLUMNS } from './import-rows';
import { IMPORT_LIMIT_BYTES, ImportsService } from './imports.service';

const READ = { roles: ['owner', 'manager', 'analyst'], scopes: ['events:write'] } as const;
const WRITE = { roles: ['owner', 'manager'], scopes: ['events:write'] } as const;

const CSV_FORMAT =
  'UTF-8 (with or without a byte order mark), comma- or semicolon-separated (whichever the header row uses), ' +
  'RFC 4180 quoting, CRLF or LF line ends. The header row names the columns, in any order: ' +
  `${REQUIRED_COLUMNS.join(', ')} (required); ${OPTIONAL_COLUMNS.join(', ')} (optional); and prop.<name> ` +
  'for a property (numbers and true/false are read as such; with semicolons also decimal commas). ' +
  '`occurred_at` is ISO 8601 with a time zone; `properties` is a JSON object (prop.<name> columns win over ' +
  'its keys); without `fan_external_id` an event is unattributed; `retracts` (with type retract) names the ' +
  'event to take back. Without `id`, an event is identified by what it says (type, channel, time, fan, ' +
  'properties): sending a corrected file again books only the rows not booked before. Each row is checked by ' +
  'the rules of POST …/events.';
const EXAMPLE =
  'id,type,channel,occurred_at,fan_external_id,fan_handle,prop.amount,properties\n' +
  'order-1001,purchase,store,2025-11-27T10:15:00Z,cust-42,,24.90,\n' +
  ',comment,instagram,2025-11-28T18:02:00+01:00,1784140001,@anna,,"{""hashtags"":[""someparade""]}"\n';

/** Imports of historical events from CSV: upload, progress and report. */
@ApiTags('imports')
@Controller('brands/:brandId/imports')
export class ImportsController {
  constructor(private readonly imports: ImportsService) {}

  @Post()
  @HttpCode(202)
  @BrandAccess(WRITE)
  @AcceptsStreamedBody(IMPORT_LIMIT_BYTES)
  @ApiOperation({
    summary: 'Import historical events from a CSV file',
    description:
      `The file is read as it arrives (up to ${IMPORT_LIMIT_BYTES / 1024 / 1024} MB, about five million rows): ` +
      'each row is checked and stored, valid rows for booking and refused rows with their reasons by line. ' +
      'Answered 202 once the whole file is in; a job then books the valid rows through the earning engine, ' +
      'in the order the events happened, 1000 at a time (follow rowsBooked with GET …/imports/{id}). ' +
      'The same file (by SHA-256) sent again answers 200 with the earlier import and changes nothing; if ' +
      'that import failed, its booking resumes. A header row without the required columns, or with ' +
      'unknown ones, is a 400 naming each, and nothing is stored. ' +
      `Refused rows beyond the first ${MAX_LISTED_ERRORS} are counted, not listed.\n\n${CSV_FORMAT}`,
    requestBody: {
      required: true,
      content: {
        'text/csv': { schema: { type: 'string', description: CSV_FORMAT, example: EXAMPLE } },
      },
    },
  })
  @ApiAcceptedResponse({ type: ImportDetailDto, description: 'The new import, queued for booking.' })
  @ApiOkResponse({ type: ImportDetailDto, description: 'This file was imported before: that import.' })
  @ApiProblemResponse(413, 'payload_too_large / import_too_large: the file is over the limit.')
  @ApiProblemResponse(415, 'The body is not text/csv.')
  async create(
    @Param('brandId', ParseUUIDPipe) brandId: string,
    @Query() query: CreateImportQueryDto,
    @CurrentActor() actor: Actor,
    @RequestInfo() meta: RequestMeta,
    @Body() body: unknown,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ImportDetailDto> {
    const stream = streamedBodyOf(body);
    if (!stream) {
      throw new DomainError(415, 'unsupported_media_type', 'Send the file as text/csv.');
    }
    const { created, view } = await this.imports.upload(brandId, stream, query.filename ?? null, actor, meta);
    if (!created) void reply.status(200);
    return toImportDetailDto(view.record, view.errorSample);
  }

  @Get()
  @BrandAccess(READ)
  @ApiOperation({ summary: "The brand's imports, newest first" })
  @ApiOkResponse({ type: ImportPageDto })
  async list(
    @Param('brandId', ParseUUIDPipe) brandId: string,
    @Query() query: ImportPageQueryDto,
  ): Promise<ImportPageDto> {
    const page = await this.imports.list(brandId, query.limit ?? 50, query.cursor);
    return { items: page.items.map(toImportDto), nextCursor: page.nextCursor };
  }

  @Get(':importId')
  @BrandAccess(READ)
  @ApiOperation({ summary: 'One import: its progress, outcomes and first refused rows' })
  @ApiOkResponse({ type: ImportDetailDto })
  async get(
    @Param('brandId', ParseUUIDPipe) brandId: string,
    @Param('importId', new ResourceIdPipe('Import')) importId: string,
  ): Promise<ImportDetailDto> {
    const view = await this.imports.get(brandId, importId);
    return toImportDetailDto(view.record, view.errorSample);
  }

  @Get(':importId/errors.csv')
  @BrandAccess(READ)
  @ApiOperation({
    summary: "The import's refused rows as CSV: line, id, reasons",
    description:
      'RFC 4180, UTF-8, CRLF line ends, streamed, in line order. Reasons are "column: reason", joined by "; ".',
  })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'The CSV file.', schema: { type: 'string' } })
  async errorsCsv(
    @Param('brandId', ParseUUIDPipe) brandId: string,
    @Param('importId', new ResourceIdPipe('Import')) importId: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const chunks = this.imports.refusedRows(brandId, importId);
    // The first chunk is read before answering, so that an unknown import is a 404, not an empty file.
    const first = await chunks.next();
    async function* lines(): AsyncGenerator<string> {
      yield csvLine(['line', 'id', 'reasons']);
      for (let next = first; !next.done; next = await chunks.next()) {
        yield next.value
          .map((row) =>
            csvLine([
              row.line,
              row.eventId,
              row.errors.map((error) => `${error.field}: ${error.reason}`).join('; '),
            ]),
          )
          .join('');
      }
    }
    await reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="import-${importId}-errors.csv"`)
      .header('cache-control', 'no-store')
      .send(Readable.from(lines()));
  }
}
