/** The plain-text paste reader; it lives in ./text/ (one module per layout it reads). */
export { plainTextAdapter, readPlainText } from './text/index.js';
