import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

import { type AuditLogEntryEntity } from '../entities/audit-log-entry.entity';

export class AuditActorDto {
  @ApiProperty({ enum: ['user', 'api_key', 'system'] })
  type!: 'user' | 'api_key' | 'system';

  @ApiProperty({ type: String, nullable: true, description: 'User id or API key id.' })
  id!: string | null;

  @ApiProperty({ description: 'Email of the user or name of the key, as it was at the time.' })
  label!: string;
}

const JSON_VALUE = {
  nullable: true,
  oneOf: [
    { type: 'string' },
    { type: 'number' },
    { type: 'boolean' },
    { type: 'array', items: {} },
    { type: 'object', additionalProperties: true },
  ],
};

export class AuditChangeDto {
  @ApiPropertyOptional({ ...JSON_VALUE, description: 'Value before the change (absent when created).' })
  from?: unknown;

  @ApiPropertyOptional({ ...JSON_VALUE, description: 'Value after the change (absent when removed).' })
  to?: unknown;
}

export class AuditEntryDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'date-time' })
  occurredAt!: string;

  @ApiProperty({ type: AuditActorDto })
  actor!: AuditActorDto;

  @ApiProperty({ example: 'api_key.created' })
  action!: string;

  @ApiProperty({ example: 'api_key' })
  targetType!: string;

  @ApiProperty()
  targetId!: string;

  @ApiProperty({ type: String, nullable: true, description: 'What the target was called at the time.' })
  targetLabel!: string | null;

  @ApiProperty({
    type: 'object',
    additionalProperties: { $ref: '#/components/schemas/AuditChangeDto' },
    description: 'Changed fields.',
  })
  changes!: Record<string, AuditChangeDto>;

  @ApiProperty({ type: String, nullable: true })
  requestId!: string | null;
}

export class AuditLogPageDto {
  @ApiProperty({ type: [AuditEntryDto] })
  items!: AuditEntryDto[];

  @ApiProperty({ type: String, nullable: true })
  nextCursor!: string | null;
}

export function toAuditEntryDto(entry: AuditLogEntryEntity): AuditEntryDto {
  return {
    id: entry.id,
    occurredAt: entry.occurredAt.toISOString(),
    actor: { type: entry.actorType, id: entry.actorId, label: entry.actorLabel },
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId,
    targetLabel: entry.targetLabel,
    changes: entry.changes,
    requestId: entry.requestId,
  };
}
