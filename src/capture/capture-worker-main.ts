// Entry of the capture process (`shieldwall capture-worker`, started by capture-process.ts, never by hand).
import { runCaptureWorker } from './capture-worker.ts';

runCaptureWorker();
