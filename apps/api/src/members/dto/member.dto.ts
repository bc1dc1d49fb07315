import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';

import { ROLES, type Role } from '@fanfare/shared';

import { type MemberRow } from '../members.repository';

export class MemberDto {
  @ApiProperty({ format: 'uuid' })
  userId!: string;

  @ApiProperty({ example: 'anna@example.com' })
  email!: string;

  @ApiProperty({ example: 'Anna Schmidt' })
  name!: string;

  @ApiProperty({ enum: ROLES })
  role!: Role;

  @ApiProperty({ description: 'True until the member has replaced the one-time password.' })
  mustChangePassword!: boolean;

  @ApiProperty({ format: 'date-time' })
  joinedAt!: string;
}

export class MemberPageDto {
  @ApiProperty({ type: [MemberDto] })
  items!: MemberDto[];

  @ApiProperty({ type: String, nullable: true })
  nextCursor!: string | null;
}

export class AddMemberDto {
  @ApiProperty({ example: 'anna@example.com' })
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email!: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role!: Role;

  @ApiPropertyOptional({ example: 'Anna Schmidt', description: 'Used when the user is new.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  name?: string;
}

export class AddedMemberDto {
  @ApiProperty({ type: MemberDto })
  member!: MemberDto;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'For a new user: the one-time password, shown only in this answer. Null for existing users.',
  })
  oneTimePassword!: string | null;
}

export class UpdateMemberDto {
  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role!: Role;
}

export function toMemberDto({ membership, user }: MemberRow): MemberDto {
  return {
    userId: user.id,
    email: user.email,
    name: user.name,
    role: membership.role,
    mustChangePassword: user.mustChangePassword,
    joinedAt: membership.createdAt.toISOString(),
  };
}
