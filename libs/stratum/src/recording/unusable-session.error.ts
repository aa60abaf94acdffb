/** The input cannot be audited at all (missing file, not a recording, no job ever sent). */
export class UnusableSessionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnusableSessionError';
  }
}
