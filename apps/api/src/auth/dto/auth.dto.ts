import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';

import { ROLES, type Role } from '@fanfare/shared';

import { type BrandEntity } from '../../brands/entities/brand.entity';
import { type UserEntity } from '../../users/entities/user.entity';

export class LoginDto {
  @ApiProperty({ example: 'owner@example.com' })
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email!: string;

  @ApiProperty({ example: 'correct horse battery staple' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  password!: string;
}

export class ChangePasswordDto {
  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  currentPassword!: string;

  @ApiProperty({ minLength: 12, maxLength: 200 })
  @IsString()
  @MinLength(12, { message: 'newPassword must be at least 12 characters long' })
  @MaxLength(200)
  newPassword!: string;
}

export class UserDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  email!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({ description: 'The user must set a new password before doing anything else.' })
  mustChangePassword!: boolean;
}

export class BrandSummaryDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty()
  slug!: string;
}

export class MembershipDto {
  @ApiProperty({ type: BrandSummaryDto })
  brand!: BrandSummaryDto;

  @ApiProperty({ enum: ROLES })
  role!: Role;
}

export class MeDto {
  @ApiProperty({ type: UserDto })
  user!: UserDto;

  @ApiProperty({ type: [MembershipDto] })
  memberships!: MembershipDto[];
}

export function toMeDto(user: UserEntity, memberships: Array<{ brand: BrandEntity; role: Role }>): MeDto {
  return {
    user: { id: user.id, email: user.email, name: user.name, mustChangePassword: user.mustChangePassword },
    memberships: memberships.map(({ brand, role }) => ({
      brand: { id: brand.id, name: brand.name, slug: brand.slug },
      role,
    })),
  };
}
