/** Reports and funnel plans: pure, time passed in, shared with the add-on. */
export * from './csv';
export * from './metrics';
export * from './period';
export * from './plan';
export * from './query';
