// Names for the API's DTOs, all taken from the generated OpenAPI types so the admin never drifts
// from the contract. Import these instead of spelling `components['schemas'][...]` everywhere.
import type { components } from './schema';

type Schemas = components['schemas'];

export type MeDto = Schemas['MeDto'];
export type UserDto = Schemas['UserDto'];
export type MembershipDto = Schemas['MembershipDto'];
export type BrandDto = Schemas['BrandDto'];
export type BrandPageDto = Schemas['BrandPageDto'];
export type CreateBrandDto = Schemas['CreateBrandDto'];
export type UpdateBrandDto = Schemas['UpdateBrandDto'];
export type MemberDto = Schemas['MemberDto'];
export type MemberPageDto = Schemas['MemberPageDto'];
export type AddMemberDto = Schemas['AddMemberDto'];
export type AddedMemberDto = Schemas['AddedMemberDto'];
export type UpdateMemberDto = Schemas['UpdateMemberDto'];
export type ApiKeyDto = Schemas['ApiKeyDto'];
export type ApiKeyPageDto = Schemas['ApiKeyPageDto'];
export type CreateApiKeyDto = Schemas['CreateApiKeyDto'];
export type CreatedApiKeyDto = Schemas['CreatedApiKeyDto'];
export type AuditEntryDto = Schemas['AuditEntryDto'];
export type AuditLogPageDto = Schemas['AuditLogPageDto'];
export type LoginDto = Schemas['LoginDto'];
export type ChangePasswordDto = Schemas['ChangePasswordDto'];
export type ProblemDto = Schemas['ProblemDto'];
export type CampaignDto = Schemas['CampaignDto'];
export type CampaignPageDto = Schemas['CampaignPageDto'];
export type CreateCampaignDto = Schemas['CreateCampaignDto'];
export type UpdateCampaignDto = Schemas['UpdateCampaignDto'];
export type RuleDefinitionDto = Schemas['RuleDefinitionDto'];
export type RuleInputDto = Schemas['RuleInputDto'];
export type PolicyFindingDto = Schemas['PolicyFindingDto'];
export type SimulateDto = Schemas['SimulateDto'];
export type SimulationDto = Schemas['SimulationDto'];
export type SimulatedRuleDto = Schemas['SimulatedRuleDto'];
export type FanDto = Schemas['FanDto'];
export type FanPageDto = Schemas['FanPageDto'];
export type LedgerEntryDto = Schemas['LedgerEntryDto'];
export type LedgerPageDto = Schemas['LedgerPageDto'];
export type CreateAdjustmentDto = Schemas['CreateAdjustmentDto'];
export type AdjustmentDto = Schemas['AdjustmentDto'];
export type TiersDto = Schemas['TiersDto'];
export type PutTiersDto = Schemas['PutTiersDto'];

export type Role = MemberDto['role'];
export type ApiKeyScope = ApiKeyDto['scopes'][number];
export type Locale = BrandDto['locale'];
export type CampaignStatus = CampaignDto['status'];
export type ProblemFieldError = NonNullable<ProblemDto['errors']>[number];
