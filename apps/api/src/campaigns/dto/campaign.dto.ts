import { ApiProperty } from '@nestjs/swagger';

import { POLICY_IDS, type PolicyFinding, type PolicyId } from '@fanfare/shared';

import { type CampaignView } from '../campaigns.service';
import { CAMPAIGN_STATUSES, type CampaignStatus } from '../entities/campaign.entity';
import { RuleDefinitionDto } from './rule-definition.dto';

export class PolicyFindingDto {
  @ApiProperty({
    enum: ['block', 'warn'],
    description: 'block: the campaign cannot be active with this rule; warn: shown, not enforced.',
  })
  severity!: 'block' | 'warn';

  @ApiProperty({ enum: POLICY_IDS, description: 'Stable id of the policy (the admin translates by it).' })
  policy!: PolicyId;

  @ApiProperty({ example: 'Rewarding Facebook Page likes is forbidden' })
  title!: string;

  @ApiProperty()
  message!: string;

  @ApiProperty({ format: 'uri', description: 'Where the policy is written down.' })
  link!: string;

  @ApiProperty({
    type: String,
    nullable: true,
    example: 'conditions.1',
    description: 'The part of the rule the finding is about, relative to the rule.',
  })
  field!: string | null;
}

export class CampaignFindingDto extends PolicyFindingDto {
  @ApiProperty({ format: 'uuid', description: 'The rule the finding is about.' })
  ruleId!: string;
}

export class RuleDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 1, description: 'Goes up by one with every change of the definition.' })
  version!: number;

  @ApiProperty({ example: 0, description: "Place in the campaign's list, from 0." })
  position!: number;

  @ApiProperty({ type: RuleDefinitionDto })
  definition!: RuleDefinitionDto;

  @ApiProperty({ type: [PolicyFindingDto], description: 'Blocks first.' })
  findings!: PolicyFindingDto[];
}

export class CampaignDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'Summer of reviews' })
  name!: string;

  @ApiProperty()
  description!: string;

  @ApiProperty({
    enum: CAMPAIGN_STATUSES,
    description:
      'As the campaign reads now: an active or paused campaign whose endsAt has passed reads as ended ' +
      '(and is final), without anyone ending it.',
  })
  status!: CampaignStatus;

  @ApiProperty({ format: 'date-time' })
  startsAt!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  endsAt!: string | null;

  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'The most points the campaign may award in total.',
  })
  budgetPoints!: number | null;

  @ApiProperty({ description: 'Net points its rules booked (awards minus reversals).' })
  pointsIssued!: number;

  @ApiProperty({ type: Number, nullable: true, description: 'Budget not yet issued; null without a budget.' })
  budgetLeft!: number | null;

  @ApiProperty({ type: [RuleDto] })
  rules!: RuleDto[];

  @ApiProperty({ type: [CampaignFindingDto], description: "All rules' policy findings, blocks first." })
  findings!: CampaignFindingDto[];

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;
}

export class CampaignPageDto {
  @ApiProperty({ type: [CampaignDto] })
  items!: CampaignDto[];

  @ApiProperty({ type: String, nullable: true })
  nextCursor!: string | null;
}

export function toPolicyFindingDto(finding: PolicyFinding): PolicyFindingDto {
  return {
    severity: finding.severity,
    policy: finding.policy,
    title: finding.title,
    message: finding.message,
    link: finding.link,
    field: finding.field ?? null,
  };
}

export function toCampaignDto({ campaign, status, rules }: CampaignView): CampaignDto {
  const budget = campaign.budgetPoints === null ? null : Number(campaign.budgetPoints);
  const issued = Number(campaign.pointsIssued);
  const ruleDtos = rules.map(({ rule, findings }) => ({
    id: rule.id,
    version: rule.version,
    position: rule.position,
    definition: rule.definition,
    findings: findings.map(toPolicyFindingDto),
  }));
  const findings = ruleDtos
    .flatMap((rule) => rule.findings.map((finding) => ({ ...finding, ruleId: rule.id })))
    .sort((a, b) => severityRank(a.severity) - severityRank(b.severity));
  return {
    id: campaign.id,
    name: campaign.name,
    description: campaign.description,
    status,
    startsAt: campaign.startsAt.toISOString(),
    endsAt: campaign.endsAt?.toISOString() ?? null,
    budgetPoints: budget,
    pointsIssued: issued,
    budgetLeft: budget === null ? null : Math.max(0, budget - issued),
    rules: ruleDtos,
    findings,
    createdAt: campaign.createdAt.toISOString(),
    updatedAt: campaign.updatedAt.toISOString(),
  };
}

function severityRank(severity: 'block' | 'warn'): number {
  return severity === 'block' ? 0 : 1;
}
