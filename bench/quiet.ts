// Imported first by the in-process benchmarks: request logs would cost time and bury the figures.
process.env.LOG_LEVEL ??= 'warn';
