import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import {
  ApiBody,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';

import { BrandAccess } from '../auth/access.decorators';
import { ValidationFailed } from '../common/errors/domain-error';
import { EngagementEventDto, EventBatchDto, EventBatchResultDto, EventOutcomeDto } from './dto/event.dto';
import { EventsService } from './events.service';

@ApiTags('events')
@ApiExtraModels(EngagementEventDto, EventBatchDto, EventOutcomeDto, EventBatchResultDto)
@Controller('brands/:brandId/events')
export class EventsController {
  constructor(private readonly events: EventsService) {}

  @Post()
  @HttpCode(200)
  @BrandAccess({ roles: ['owner', 'manager'], scopes: ['events:write'] })
  @ApiOperation({
    summary: 'Ingest engagement events: one, or a batch of up to 1000',
    description:
      'Recognises the fan (creating it on first sight), evaluates the active rules and books points exactly once. ' +
      'A single event that is not valid is answered with a 400 problem. In a batch, valid events are processed and ' +
      'invalid ones come back with status `rejected` and their `errors`; the batch answers 200 with one outcome per ' +
      'event, in order. Sending an id again answers `duplicate` with the first outcome and books nothing.',
  })
  @ApiBody({
    schema: { oneOf: [{ $ref: getSchemaPath(EngagementEventDto) }, { $ref: getSchemaPath(EventBatchDto) }] },
  })
  @ApiOkResponse({
    description: 'The outcome of the single event, or `{ results }` for a batch.',
    schema: {
      oneOf: [{ $ref: getSchemaPath(EventOutcomeDto) }, { $ref: getSchemaPath(EventBatchResultDto) }],
    },
  })
  async ingest(
    @Param('brandId', ParseUUIDPipe) brandId: string,
    @Body() body: unknown,
  ): Promise<EventOutcomeDto | EventBatchResultDto> {
    const { batch, results } = await this.events.ingest(brandId, body);
    if (batch) return { results };
    const [only] = results;
    if (!only) throw new ValidationFailed([{ field: '', reason: 'no event was sent' }]);
    if (only.status === 'rejected') throw new ValidationFailed(only.errors ?? [], 'The event is not valid.');
    return only;
  }
}
