export type CloseReason =
  | 'peer-closed'
  | 'local-close'
  | 'idle-timeout'
  | 'line-too-long'
  | 'too-many-invalid-lines'
  | 'slow-reader'
  | 'socket-error';
