import { ChannelListener } from '../core/listener.js';
import type { HubWorker, WorkerDeps } from '../core/module.js';
import { USER_CHANNEL } from './auth.service.js';

/**
 * Listens on the channel of user changes and makes the hub's token look-ups forget a changed user at once; while it
 * cannot listen, the look-ups remember for a second only.
 */
export class TokenListener implements HubWorker {
  private readonly listener: ChannelListener;

  constructor(deps: Pick<WorkerDeps, 'databaseUrl' | 'authenticate' | 'log'>) {
    this.listener = new ChannelListener({
      databaseUrl: deps.databaseUrl,
      channel: USER_CHANNEL,
      name: 'hub token listener',
      onPayload: (payload) => {
        const userId = Number(payload);
        if (Number.isInteger(userId)) deps.authenticate.forget?.(userId);
      },
      onHearing: (hearing) => deps.authenticate.hearing?.(hearing),
      onLost: (reason) => deps.log(`user changes not heard (${reason}); token look-ups are remembered for 1 s until listening again`),
    });
  }

  start(): void {
    this.listener.start();
  }

  async tick(): Promise<void> {}

  stop(): Promise<void> {
    return this.listener.stop();
  }
}
