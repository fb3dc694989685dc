export { recordTouches, type TouchResult } from './record-touches';
