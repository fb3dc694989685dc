export { findIntakeSource, type IntakeSource, intakeWorkspace } from './find-intake-source';
export { recordDelivery } from './record-delivery';
