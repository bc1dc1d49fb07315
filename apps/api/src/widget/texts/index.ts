/**
 * The widget's texts for fans, in German and English: ways to earn, history labels and why a reward
 * cannot be redeemed. Plain functions over plain data, so the widget endpoints and their tests share
 * one wording.
 */
export { type FanLedgerEntry, describeLedgerEntryForFan } from './describe-ledger-entry-for-fan';
export {
  REDEEM_REFUSAL_CODES,
  type RedeemRefusalCode,
  type RedeemRefusalDetails,
  describeRedeemRefusal,
  isRedeemRefusalCode,
} from './describe-redeem-refusal';
export { type WayToEarnOptions, describeWayToEarn } from './describe-way-to-earn';
