/** Reading a document as a stream: messages, findings and positions with memory bounded by a message, not the file. */
export { batchPlace, CutStream, DocumentStream, rebuildBatch, type BatchPlace, type RebuiltBatch, type StreamBatch, type StreamOptions } from './documentStream';
export { BatchChecker, FindingStream, traceChecksRun, type CheckedBatch, type FindingStreamOptions, type LocatedFinding } from './findingStream';
export { BatchPositions } from './positions';
export { DEFAULT_HORIZON, TraceTracker } from './traceTracker';
