/** @module Notifications' use cases: mark some of mine read, or all. */
import { z } from 'zod';
import { markRead, unreadCount } from '../services/notifications.ts';
import { done, signedInUseCase } from './use-case.ts';

export const MarkReadInput = z.strictObject({ ids: z.array(z.string().min(1).max(64)).max(200).optional() });

export const markReadCase = signedInUseCase({
  name: 'notification.markRead',
  input: MarkReadInput,
  async run(caller, input) {
    const marked = await markRead(caller.ctx, caller.auth.account.id, input.ids);
    return done({ marked, unread: await unreadCount(caller.ctx, caller.auth.account.id) });
  },
});
