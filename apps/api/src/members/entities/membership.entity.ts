import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

import { type Role } from '@fanfare/shared';

import { BrandEntity } from '../../brands/entities/brand.entity';
import { UserEntity } from '../../users/entities/user.entity';

/** A user's role in one brand. */
@Entity({ name: 'membership' })
@Check('membership_role_check', `"role" IN ('owner', 'manager', 'analyst')`)
@Index('membership_user_id_idx', ['userId'])
export class MembershipEntity {
  @PrimaryColumn({ name: 'brand_id', type: 'uuid', primaryKeyConstraintName: 'membership_pkey' })
  brandId!: string;

  @PrimaryColumn({ name: 'user_id', type: 'uuid', primaryKeyConstraintName: 'membership_pkey' })
  userId!: string;

  @ManyToOne(() => BrandEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'brand_id', foreignKeyConstraintName: 'membership_brand_id_fkey' })
  brand?: BrandEntity;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'membership_user_id_fkey' })
  user?: UserEntity;

  @Column({ type: 'text' })
  role!: Role;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
