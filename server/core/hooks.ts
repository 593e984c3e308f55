const declared: Hook<never>[] = [];

/**
 * A point where a module lets a module above it act without importing it (an activity write announces itself, the
 * overlap store follows). Each hook has exactly one handler, connected at start by the composition root
 * (server/modules.ts); calling one that nothing handles is a wiring fault, never a silent no-op.
 */
export class Hook<Handler extends (...args: never[]) => unknown> {
  private handler?: Handler;

  constructor(readonly name: string) {
    declared.push(this as unknown as Hook<never>);
  }

  handle(handler: Handler): void {
    if (this.handler) throw new Error(`Hook ${this.name} is handled twice`);
    this.handler = handler;
  }

  get handled(): boolean {
    return this.handler !== undefined;
  }

  get run(): Handler {
    if (!this.handler) throw new Error(`Hook ${this.name} has no handler: its module is missing from server/modules.ts`);
    return this.handler;
  }
}

/** Every hook declared so far (by the modules imported), for the check that the composition root handles them all. */
export const declaredHooks = (): readonly { name: string; handled: boolean }[] => declared;
