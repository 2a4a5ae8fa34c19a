/**
 * @module UI strings of the to-do desks (待办) and of the next-step panel on
 * project pages, Chinese first. Same shape as messages.ts: `tk(locale, key,
 * vars)` fills `{name}` placeholders.
 */
import type { Locale } from './messages.ts';
import type { NextActor, NextStepCode } from '#domain/next-step.ts';
import type { TodoKind } from '#services/todo.ts';

import zh from '#messages/zh-CN/desks.json' with { type: 'json' };
import en from '#messages/en/desks.json' with { type: 'json' };
import { catalogue } from '#messages/catalogue.ts';

export type DeskKey = keyof typeof zh;

/** `tk(locale, key, vars)`: the key's message in that locale (Chinese where English lacks it), formatted (messages/catalogue.ts). */
export const tk = catalogue<DeskKey>(zh, en);

export const kindKey = (kind: TodoKind) => `kind.${kind}` as DeskKey;
export const stepKey = (code: NextStepCode) => `step.${code}` as DeskKey;
export const actorKey = (actor: NextActor) => `actor.${actor}` as DeskKey;
