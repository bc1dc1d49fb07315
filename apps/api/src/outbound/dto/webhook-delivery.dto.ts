import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn } from 'class-validator';

import { IfPresent } from '../../common/http/validators';
import { PageQueryDto } from '../../common/pagination/page-query.dto';
import { type WebhookAttemptEntity } from '../entities/webhook-attempt.entity';
import { WEBHOOK_DELIVERY_STATUSES, type WebhookDeliveryStatus } from '../entities/webhook-delivery.entity';
import { type DeliveryRow } from '../outbound.repository';

export class WebhookDeliveriesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: WEBHOOK_DELIVERY_STATUSES })
  @IfPresent()
  @IsIn([...WEBHOOK_DELIVERY_STATUSES])
  status?: WebhookDeliveryStatus;
}

export class WebhookDeliveryDto {
  @ApiProperty()
  id!: string;

  @ApiProperty({ description: 'The message id' })
  messageId!: string;

  @ApiProperty({
    example: 'msg_0190…',
    description: 'The webhook-id header: the same on every attempt and replay',
  })
  webhookId!: string;

  @ApiProperty({ example: 'points.awarded' })
  type!: string;

  @ApiProperty({ enum: WEBHOOK_DELIVERY_STATUSES })
  status!: WebhookDeliveryStatus;

  @ApiProperty()
  attempts!: number;

  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'HTTP status of the last answer; null: no answer',
  })
  lastStatusCode!: number | null;

  @ApiProperty({ nullable: true, type: String })
  lastError!: string | null;

  @ApiProperty({ nullable: true, type: String })
  lastAttemptAt!: string | null;

  @ApiProperty({
    nullable: true,
    type: String,
    description: 'When it is sent next (pending deliveries only)',
  })
  nextAttemptAt!: string | null;

  @ApiProperty()
  createdAt!: string;

  @ApiProperty({ nullable: true, type: String })
  succeededAt!: string | null;
}

export class WebhookDeliveryPageDto {
  @ApiProperty({ type: [WebhookDeliveryDto] })
  items!: WebhookDeliveryDto[];

  @ApiProperty({ nullable: true, type: String })
  nextCursor!: string | null;
}

export class WebhookAttemptDto {
  @ApiProperty()
  id!: string;

  @ApiProperty()
  attemptedAt!: string;

  @ApiProperty({ nullable: true, type: Number, description: 'HTTP status of the answer; null: no answer' })
  statusCode!: number | null;

  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Why it failed: the answer, a timeout, a refused connection…',
  })
  error!: string | null;

  @ApiProperty()
  durationMs!: number;
}

export class WebhookDeliveryDetailDto extends WebhookDeliveryDto {
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'The body as sent: { type, timestamp, data }',
  })
  payload!: Record<string, unknown>;

  @ApiProperty({ type: [WebhookAttemptDto], description: 'Every attempt, oldest first' })
  attemptLog!: WebhookAttemptDto[];
}

export class WebhookTestDto {
  @ApiProperty()
  messageId!: string;

  @ApiProperty()
  deliveryId!: string;
}

export function toDeliveryDto(row: DeliveryRow): WebhookDeliveryDto {
  return {
    id: row.id,
    messageId: row.messageId,
    webhookId: `msg_${row.messageId}`,
    type: row.type,
    status: row.status,
    attempts: row.attempts,
    lastStatusCode: row.lastStatusCode,
    lastError: row.lastError,
    lastAttemptAt: row.lastAttemptAt?.toISOString() ?? null,
    nextAttemptAt: row.status === 'pending' ? row.nextAttemptAt.toISOString() : null,
    createdAt: row.createdAt.toISOString(),
    succeededAt: row.succeededAt?.toISOString() ?? null,
  };
}

export function toAttemptDto(row: WebhookAttemptEntity): WebhookAttemptDto {
  return {
    id: row.id,
    attemptedAt: row.attemptedAt.toISOString(),
    statusCode: row.statusCode,
    error: row.error,
    durationMs: row.durationMs,
  };
}
