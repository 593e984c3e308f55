import pino from 'pino';

/** Structured JSON logs. Tokens and request variables (which may hold personal data) are never logged. */
export const logger = pino({
  level: process.env.LOG_LEVEL || (process.env.VITEST ? 'silent' : 'info'),
  base: { service: 'boligsocial-hub' },
  redact: ['authorization', 'token', 'variables', '*.authorization', '*.token', '*.variables'],
});
