import { headerPrevhashToStratum } from '@hashproof/stratum';
import { type JobTemplate } from './job-template';

/** mining.notify params: [job_id, prevhash (word-swapped), coinb1, coinb2, branch, version, nbits, ntime, clean_jobs]. */
export function notifyParams(jobId: string, template: JobTemplate, cleanJobs: boolean): unknown[] {
  return [
    jobId,
    headerPrevhashToStratum(template.prevhash).toString('hex'),
    template.coinb1.toString('hex'),
    template.coinb2.toString('hex'),
    template.merkleBranch.map((hash) => hash.toString('hex')),
    hex32(template.version),
    hex32(template.nbits),
    hex32(template.ntime),
    cleanJobs,
  ];
}

export function hex32(value: number): string {
  return (value >>> 0).toString(16).padStart(8, '0');
}
