/** The call-flow feature: the model, the builder and the three renderers. */
export * from './model';
export { buildFlows } from './build';
