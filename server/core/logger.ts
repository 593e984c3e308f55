import pino from 'pino';

/** Structured JSON logs. Tokens and request variables (which may hold personal data) are never logged. */
export const logger = pino({
  level: process.env.LOG_LEVEL || (process.env.VITEST ? 'silent' : 'info'),
  // The process id tells apart the hub processes of HUB_WORKERS, which share one output.
  base: { service: 'boligsocial-hub', pid: process.pid },
  redact: ['authorization', 'token', 'variables', '*.authorization', '*.token', '*.variables'],
});
