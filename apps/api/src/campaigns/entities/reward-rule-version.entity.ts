import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

import { type RuleDefinition } from '@fanfare/shared';

import { RewardRuleEntity } from './reward-rule.entity';

/** Every version a rule had: an award names the version that granted it, so it stays explainable. */
@Entity({ name: 'reward_rule_version' })
export class RewardRuleVersionEntity {
  @PrimaryColumn({ name: 'brand_id', type: 'uuid', primaryKeyConstraintName: 'reward_rule_version_pkey' })
  brandId!: string;

  @PrimaryColumn({ name: 'rule_id', type: 'uuid', primaryKeyConstraintName: 'reward_rule_version_pkey' })
  ruleId!: string;

  @PrimaryColumn({ type: 'integer', primaryKeyConstraintName: 'reward_rule_version_pkey' })
  version!: number;

  @ManyToOne(() => RewardRuleEntity, { onDelete: 'CASCADE' })
  @JoinColumn([
    {
      name: 'brand_id',
      referencedColumnName: 'brandId',
      foreignKeyConstraintName: 'reward_rule_version_rule_fkey',
    },
    { name: 'rule_id', referencedColumnName: 'id' },
  ])
  rule?: RewardRuleEntity;

  @Column({ type: 'jsonb' })
  definition!: RuleDefinition;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}
