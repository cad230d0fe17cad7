export * from './location.js';
export * from './severity.js';
export * from './errors.js';
export * from './finding.js';
export * from './fingerprint.js';
export * from './redact.js';
