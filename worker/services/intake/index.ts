export { type DeliveryView, deliveryView } from './delivery-view';
export {
  findIntakeTarget,
  forgetIntakeLookups,
  INTAKE_LOOKUP_TTL_MS,
  type IntakeSource,
  type IntakeTarget,
} from './find-intake-target';
export { type DeliveryRef, type JudgeFault, type JudgeOutcome, judgeDeliveries } from './judge-deliveries';
export { judgeOverdueDeliveries, PICKUP_AFTER_MS, PICKUP_LIMIT } from './judge-overdue';
export { getIntakeDelivery, listIntakeDeliveries } from './read-deliveries';
export { REJUDGE_LIMIT, rejudgeDelivery, rejudgeFailedDeliveries } from './rejudge-deliveries';
export { storeIntakeDelivery } from './store-delivery';
