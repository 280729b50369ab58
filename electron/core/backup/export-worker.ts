// Worker thread entry of an export (started by ./export.ts exportData): writes one backup with
// a database connection of its own, answers once, and ends.
import { parentPort, workerData } from 'node:worker_threads';
import { type ExportJob, type ExportReply, writeBackup } from './export';

const port = parentPort;
if (!port) throw new Error('export-worker must run in a worker thread');
const job = (workerData as { job: ExportJob }).job;

let reply: ExportReply;
try {
  reply = { ok: true, info: writeBackup(job.source, job.file, new Date(job.now)) };
} catch (error) {
  const err = error instanceof Error ? error : new Error(String(error));
  reply = { ok: false, name: err.name, message: err.message };
}
port.postMessage(reply);
